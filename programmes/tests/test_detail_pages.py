import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from heritage.tests.factories import HeritageSiteFactory
from programmes.models import Festival
from programmes.tests.factories import (
    FestivalFactory,
    FieldOfStudyFactory,
    LanguageFactory,
    ProgrammeFactory,
    UniversityFactory,
)
from scoculture.models import Format, Publishable
from scoculture.tests.factories import CountryFactory
from scoculture.tests.structured import json_ld

pytestmark = pytest.mark.django_db

DRAFT = {"status": Publishable.Status.DRAFT}


def scheduled():
    return {"published_at": timezone.now() + timezone.timedelta(days=2)}


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
        # programme + host country, partner countries, universities, sites, fields,
        # languages, festivals of the country, photos
        with django_assert_num_queries(11):
            response = client.get(programme.get_absolute_url())
        assert response.status_code == 200


class TestFestivalPage:
    def test_shows_the_facts_and_links(self, client, country):
        participant = CountryFactory(name="Tajikistan", code="TJ")
        site = HeritageSiteFactory(name="Bukhara", countries=[country])
        programme = ProgrammeFactory(title="Uzbek language course", host_country=country)
        ProgrammeFactory(title="Rolling course", host_country=country, application_deadline=None)
        closed = ProgrammeFactory(
            title="Closed long ago",
            host_country=country,
            application_deadline=datetime.date(2020, 1, 1),
        )
        festival = FestivalFactory(
            title="Silk and Spices",
            host_country=country,
            city="Bukhara",
            venue="Lyabi-Hauz",
            participating_countries=[participant],
            heritage_sites=[site],
            edition="annual",
        )
        html = client.get(festival.get_absolute_url()).content.decode()
        for url in (
            country.get_absolute_url(),
            participant.get_absolute_url(),
            site.get_absolute_url(),
            programme.get_absolute_url(),
            reverse("programmes:festival_ics", kwargs={"slug": festival.slug}),
        ):
            assert f'href="{url}"' in html
        assert "Lyabi-Hauz" in html
        # Only programmes one can still apply to (rolling ones included).
        assert "Rolling course" in html
        assert closed.get_absolute_url() not in html
        assert "annual" in html

    @pytest.mark.parametrize(
        ("format_", "mode"),
        [
            (Format.IN_PERSON, "OfflineEventAttendanceMode"),
            (Format.ONLINE, "OnlineEventAttendanceMode"),
            (Format.HYBRID, "MixedEventAttendanceMode"),
        ],
    )
    def test_json_ld_event_with_location_and_attendance_mode(self, client, country, format_, mode):
        festival = FestivalFactory(
            host_country=country,
            city="Samarkand",
            venue="Registan",
            format=format_,
            website="https://example.org/live",
        )
        ld = json_ld(client.get(festival.get_absolute_url()))["Festival"]
        assert ld["eventAttendanceMode"] == f"https://schema.org/{mode}"
        assert ld["startDate"] == festival.start_date.isoformat()
        assert ld["endDate"] == festival.end_date.isoformat()
        locations = ld["location"] if isinstance(ld["location"], list) else [ld["location"]]
        types = sorted(location["@type"] for location in locations)
        expected = {
            Format.IN_PERSON: ["Place"],
            Format.ONLINE: ["VirtualLocation"],
            Format.HYBRID: ["Place", "VirtualLocation"],
        }[format_]
        assert types == expected
        for location in locations:
            if location["@type"] == "Place":
                assert location["name"] == "Registan"
                assert location["address"]["addressLocality"] == "Samarkand"
                assert location["address"]["addressCountry"] == "UZ"

    @pytest.mark.parametrize(
        ("kind", "schema_type"),
        [
            (Festival.Kind.FILM_FESTIVAL, "Festival"),
            (Festival.Kind.EXHIBITION, "ExhibitionEvent"),
            (Festival.Kind.FORUM, "Event"),
        ],
    )
    def test_json_ld_type_follows_the_kind(self, client, kind, schema_type):
        festival = FestivalFactory(kind=kind)
        data = json_ld(client.get(festival.get_absolute_url()))
        assert data[schema_type]["name"] == festival.title

    def test_drafts_never_leak(self, client, country):
        festival = FestivalFactory(
            host_country=country,
            participating_countries=[CountryFactory(name="Draftistan", **DRAFT)],
            heritage_sites=[HeritageSiteFactory(name="Draft Site", **DRAFT)],
        )
        ProgrammeFactory(title="Draft Programme", host_country=country, **DRAFT)
        html = client.get(festival.get_absolute_url()).content.decode()
        for name in ("Draftistan", "Draft Site", "Draft Programme"):
            assert name not in html

    def test_draft_is_404(self, client):
        assert client.get(FestivalFactory(**DRAFT).get_absolute_url()).status_code == 404

    @pytest.mark.parametrize("n", [2, 10])
    def test_query_count(self, client, django_assert_num_queries, country, n):
        festival = FestivalFactory(
            host_country=country,
            participating_countries=CountryFactory.create_batch(n),
            heritage_sites=HeritageSiteFactory.create_batch(n, countries=[country]),
        )
        ProgrammeFactory.create_batch(n, host_country=country)
        # festival + host country, participating countries, sites, programmes of the country,
        # photos
        with django_assert_num_queries(7):
            assert client.get(festival.get_absolute_url()).status_code == 200


class TestUniversityPage:
    def test_links_to_its_programmes_and_country(self, client, country):
        university = UniversityFactory(name="Tashkent State University", country=country)
        programme = ProgrammeFactory(host_country=country, host_universities=[university])
        ProgrammeFactory(title="Draft Programme", host_universities=[university], **DRAFT)
        html = client.get(university.get_absolute_url()).content.decode()
        assert f'href="{programme.get_absolute_url()}"' in html
        assert f'href="{country.get_absolute_url()}"' in html
        assert "Draft Programme" not in html
        assert "Member since 2010" in html

    def test_json_ld_college_or_university(self, client, country):
        university = UniversityFactory(country=country, city="Tashkent", website="https://nuu.uz")
        ld = json_ld(client.get(university.get_absolute_url()))["CollegeOrUniversity"]
        assert ld["name"] == university.name
        assert ld["address"]["addressLocality"] == "Tashkent"
        assert ld["address"]["addressCountry"] == "UZ"
        assert ld["sameAs"] == "https://nuu.uz"
        assert ld["memberOf"]["name"] == "SCO University"

    def test_draft_is_404(self, client):
        assert client.get(UniversityFactory(**DRAFT).get_absolute_url()).status_code == 404

    @pytest.mark.parametrize("n", [2, 10])
    def test_query_count(self, client, django_assert_num_queries, country, n):
        university = UniversityFactory(country=country)
        ProgrammeFactory.create_batch(n, host_country=country, host_universities=[university])
        # university + country, priority areas, programmes (with their host country), photos
        with django_assert_num_queries(6):
            assert client.get(university.get_absolute_url()).status_code == 200


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
        assert "<h1>Summer school</h1>" in html

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
