import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import FieldOfStudyFactory, LanguageFactory, ProgrammeFactory
from scoculture.models import Format
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, scheduled
from scoculture.tests.structured import json_ld
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def country():
    return CountryFactory(name="Uzbekistan", code="UZ", slug="uzbekistan")


class TestProgrammePage:
    def test_shows_the_facts_and_links_to_everything_related(self, client, country):
        partner = CountryFactory(name="Kazakhstan", code="KZ")
        university = UniversityFactory(name="Samarkand State University", country=country)
        site = HeritageSiteFactory(name="Samarkand", countries=[country])
        festival = FestivalFactory(title="Sharq Taronalari", host_country=country)
        past = FestivalFactory(
            host_country=country,
            start_date=datetime.date(2020, 8, 25),
            end_date=datetime.date(2020, 8, 30),
        )
        programme = ProgrammeFactory(
            title="Silk Road summer school",
            summary="Four weeks on the caravan routes.",
            host_country=country,
            partner_countries=[partner],
            host_universities=[university],
            heritage_sites=[site],
            languages=[LanguageFactory(name="Russian", code="ru")],
            fields_of_study=[FieldOfStudyFactory(name="Archaeology")],
            organiser="SCO University",
            website="https://example.org/apply",
        )
        response = client.get(programme.get_absolute_url())
        assert response.status_code == 200
        html = response.content.decode()
        for url in (
            country.get_absolute_url(),
            partner.get_absolute_url(),
            university.get_absolute_url(),
            site.get_absolute_url(),
            festival.get_absolute_url(),
        ):
            assert f'href="{url}"' in html
        assert past.get_absolute_url() not in html  # only upcoming festivals
        for fact in ("Four weeks on the caravan routes.", "Russian", "Archaeology", "Master"):
            assert fact in html
        assert (
            f'<link rel="canonical" href="http://testserver{programme.get_absolute_url()}">' in html
        )
        assert '<meta property="og:title" content="Silk Road summer school">' in html
        assert 'hreflang="ru" href="http://testserver/ru/programmes/' in html
        assert 'aria-label="Breadcrumb"' in html

    def test_json_ld_is_an_educational_programme_with_its_deadline(self, client, country):
        university = UniversityFactory(country=country)
        programme = ProgrammeFactory(
            host_country=country,
            host_universities=[university],
            format=Format.HYBRID,
        )
        data = json_ld(client.get(programme.get_absolute_url()))
        ld = data["EducationalOccupationalProgram"]
        assert ld["@context"] == "https://schema.org"
        assert ld["name"] == programme.title
        assert ld["applicationDeadline"] == programme.application_deadline.isoformat()
        assert ld["startDate"] == programme.start_date.isoformat()
        assert ld["educationalProgramMode"] == "blended"
        assert ld["provider"][0]["@type"] == "CollegeOrUniversity"
        assert ld["provider"][0]["name"] == university.name
        assert ld["location"]["address"]["addressCountry"] == "UZ"
        crumbs = data["BreadcrumbList"]["itemListElement"]
        assert [c["name"] for c in crumbs] == ["Programmes", programme.title]

    def test_json_ld_cannot_close_its_script_element(self, client):
        programme = ProgrammeFactory(title="</script><script>alert(1)</script>")
        html = client.get(programme.get_absolute_url()).content.decode()
        assert "<script>alert(1)" not in html
        assert json_ld(client.get(programme.get_absolute_url()))["EducationalOccupationalProgram"][
            "name"
        ] == ("</script><script>alert(1)</script>")

    def test_deadline_funding_and_who_can_apply_come_before_the_description(self, client):
        programme = ProgrammeFactory(
            level="master",
            funding="full",
            description="The long story of the programme.",
            website="https://www.uwed.uz/en/admission",
        )
        html = client.get(programme.get_absolute_url()).content.decode()
        about = html.index('<h2 id="about">')
        for fact in ('class="deadline badge', "Who can apply", "Master", "Fully funded"):
            assert html.index(fact) < about, fact
        link = (
            '<a class="button" href="https://www.uwed.uz/en/admission" rel="external">'
            "Apply or find out more"
        )
        assert html.index(link) < about
        assert 'target="_blank"' not in html
        assert '<span class="apply-host">uwed.uz</span>' in html

    def test_no_website_no_apply_link(self, client):
        programme = ProgrammeFactory(website="")
        html = client.get(programme.get_absolute_url()).content.decode()
        assert "Who can apply" in html
        assert 'rel="external"' not in html and "Apply or find out more" not in html

    @pytest.mark.parametrize(
        ("language", "words"),
        [
            ("ru", ("Кто может подать заявку", "Подать заявку или узнать больше")),
            ("zh-hans", ("申请对象", "申请或了解详情")),
        ],
    )
    def test_the_way_to_apply_is_translated(self, client, language, words):
        programme = ProgrammeFactory(website="https://uwed.uz/")
        with translation.override(language):
            url = programme.get_absolute_url()
        html = client.get(url).content.decode()
        translation.activate(settings.LANGUAGE_CODE)
        for word in words:
            assert word in html

    @pytest.mark.parametrize(
        ("days", "state", "label"),
        [
            (60, "open", "Open"),
            (10, "closing_soon", "Closing soon"),
            (-1, "closed", "Closed"),
            (None, "rolling", "Rolling admission"),
        ],
    )
    def test_deadline_state(self, client, days, state, label):
        deadline = None if days is None else timezone.localdate() + datetime.timedelta(days=days)
        programme = ProgrammeFactory(application_deadline=deadline, end_date=None)
        html = client.get(programme.get_absolute_url()).content.decode()
        assert f'class="deadline badge badge--{state}"' in html
        assert f"<strong>{label}</strong>" in html

    def test_drafts_never_leak_through_cross_links(self, client, country):
        draft_partner = CountryFactory(name="Draftistan", code="DD", **DRAFT)
        programme = ProgrammeFactory(
            host_country=country,
            partner_countries=[draft_partner],
            host_universities=[UniversityFactory(name="Draft University", **DRAFT)],
            heritage_sites=[HeritageSiteFactory(name="Draft Site", **scheduled())],
        )
        FestivalFactory(title="Draft Festival", host_country=country, **DRAFT)
        html = client.get(programme.get_absolute_url()).content.decode()
        for name in ("Draftistan", "Draft University", "Draft Site", "Draft Festival"):
            assert name not in html

    def test_draft_host_country_is_not_shown(self, client):
        programme = ProgrammeFactory(host_country=CountryFactory(name="Draftland", **DRAFT))
        html = client.get(programme.get_absolute_url()).content.decode()
        assert "Draftland" not in html

    @pytest.mark.parametrize("factory_kwargs", [DRAFT, "scheduled"])
    def test_unpublished_programme_is_404(self, client, factory_kwargs):
        kwargs = scheduled() if factory_kwargs == "scheduled" else factory_kwargs
        programme = ProgrammeFactory(**kwargs)
        assert client.get(programme.get_absolute_url()).status_code == 404

    def test_unknown_slug_is_404(self, client):
        url = reverse("programmes:programme_detail", kwargs={"slug": "no-such-programme"})
        assert client.get(url).status_code == 404

    @pytest.mark.parametrize("n", [2, 10])
    def test_query_count_does_not_grow_with_related_rows(
        self, client, django_assert_num_queries, country, n
    ):
        programme = ProgrammeFactory(
            host_country=country,
            partner_countries=CountryFactory.create_batch(n),
            host_universities=UniversityFactory.create_batch(n, country=country),
            heritage_sites=HeritageSiteFactory.create_batch(n, countries=[country]),
            languages=LanguageFactory.create_batch(n),
            fields_of_study=FieldOfStudyFactory.create_batch(n),
        )
        FestivalFactory.create_batch(n, host_country=country)
        # programme, partner countries, universities, sites, fields, languages, festivals of
        # the country, photos; the host countries of the programme, universities and
        # festivals are joined into their rows' queries (11 while each was a query)
        with django_assert_num_queries(8):
            response = client.get(programme.get_absolute_url())
        assert response.status_code == 200


class TestLanguagesAndOddURLs:
    @pytest.fixture(autouse=True)
    def back_to_english(self):
        # A request under /ru/ leaves Russian active in this thread; modeltranslation would
        # then write `title=` of the next test's factories into title_ru.
        yield
        translation.activate(settings.LANGUAGE_CODE)

    def test_russian_page_shows_russian_content_and_locale(self, client):
        programme = ProgrammeFactory(title_en="Summer school", title_ru="Летняя школа")
        response = client.get(f"/ru/programmes/{programme.slug}/")
        html = response.content.decode()
        assert "<h1>Летняя школа</h1>" in html
        assert '<meta property="og:locale" content="ru_RU">' in html
        assert (
            f'<link rel="canonical" href="http://testserver/ru/programmes/{programme.slug}/">'
            in html
        )

    def test_missing_translation_falls_back_to_english(self, client):
        programme = ProgrammeFactory(title_en="Summer school")
        html = client.get(f"/zh-hans/programmes/{programme.slug}/").content.decode()
        assert '<h1 lang="en">Summer school</h1>' in html  # read in an English voice

    @pytest.mark.parametrize(
        "path",
        [
            "/en/programmes/%E2%80%AE%00/",
            "/en/festivals/no-such-festival/calendar.ics",
            "/en/universities/" + "x" * 300 + "/",
            "/en/heritage/..%2F..%2Fetc/",
            "/en/countries/%F0%9F%8F%9B/",
        ],
    )
    def test_odd_urls_are_404(self, client, path):
        assert client.get(path).status_code == 404
