import pytest
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from portal.views import CountryDetailView
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Country
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, days
from scoculture.tests.structured import json_ld
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db


class TestHome:
    def test_sections(self, client):
        member = CountryFactory(name="China", code="CN")
        CountryFactory(name="Mongolia", code="MN", sco_status=Country.SCOStatus.OBSERVER)
        CountryFactory(name="Turkey", code="TR", sco_status=Country.SCOStatus.DIALOGUE_PARTNER)
        soon = ProgrammeFactory(title="Closes in ten days", application_deadline=days(10))
        ProgrammeFactory(title="Closes in ninety days", application_deadline=days(90))
        ProgrammeFactory(title="Closed yesterday", application_deadline=days(-1))
        upcoming = FestivalFactory(title="Next month", start_date=days(30), end_date=days(32))
        FestivalFactory(title="Last year", start_date=days(-400), end_date=days(-398))
        site = HeritageSiteFactory(name="Mogao Caves", countries=[member])
        response = client.get(reverse("home"))
        assert response.status_code == 200
        html = response.content.decode()
        assert soon.get_absolute_url() in html
        assert "Closes in ninety days" not in html
        assert "Closed yesterday" not in html
        assert upcoming.get_absolute_url() in html
        assert "Last year" not in html
        assert site.get_absolute_url() in html
        for label in ("Member state", "Observer state", "Dialogue partner"):
            assert label in html
        assert 'action="/en/search/"' in html
        counts = {str(label): n for label, n, url in response.context["counts"]}
        assert counts["programmes"] == 3
        assert counts["festivals and events"] == 2

    def test_newest_inscriptions_by_year_and_only_with_one(self, client):
        HeritageSiteFactory(name="Year unknown", unesco_status="inscribed", year_inscribed=None)
        HeritageSiteFactory(name="Older", unesco_status="inscribed", year_inscribed=1990)
        HeritageSiteFactory(name="Newer", unesco_status="inscribed", year_inscribed=2024)
        HeritageSiteFactory(name="Tentative", unesco_status="tentative", year_inscribed=2025)
        sites = client.get(reverse("home")).context["featured_sites"]
        assert [site.name for site in sites] == ["Newer", "Older"]

    def test_drafts_absent_from_home_and_counts(self, client):
        ProgrammeFactory(title="Draft programme", application_deadline=days(5), **DRAFT)
        FestivalFactory(title="Draft festival", start_date=days(3), end_date=days(4), **DRAFT)
        HeritageSiteFactory(name="Draft site", **DRAFT)
        CountryFactory(name="Draftistan", **DRAFT)
        response = client.get(reverse("home"))
        html = response.content.decode()
        for name in ("Draft programme", "Draft festival", "Draft site", "Draftistan"):
            assert name not in html
        counts = {str(label): n for label, n, url in response.context["counts"]}
        assert counts == {
            "programmes": 0,
            "festivals and events": 0,
            "universities": 0,
            "heritage sites": 0,
            # the published host countries the factories made, not Draftistan
            "countries": 3,
        }

    @pytest.mark.parametrize("n", [2, 10])
    def test_query_count(self, client, django_assert_num_queries, n):
        ProgrammeFactory.create_batch(n, application_deadline=days(5))
        FestivalFactory.create_batch(n, start_date=days(5), end_date=days(6))
        HeritageSiteFactory.create_batch(n)
        UniversityFactory.create_batch(n)
        # The first request of a content generation reads when it ends, counts the four
        # kinds (portal.counts) and selects the lists (portal.home): countries, closing soon,
        # festivals, sites (host countries joined; 11 while they were two queries more). The
        # next ones read all that from the cache: 6 queries before it was kept.
        with django_assert_num_queries(9):
            assert client.get(reverse("home")).status_code == 200
        with django_assert_num_queries(0):
            assert client.get(reverse("home")).status_code == 200


class TestCountryPage:
    def test_everything_of_one_country_once(self, client):
        country = CountryFactory(name="Kyrgyzstan", code="KG")
        other = CountryFactory()
        hosted = ProgrammeFactory(title="Hosted", host_country=country, partner_countries=[other])
        partnered = ProgrammeFactory(
            title="Partnered", host_country=other, partner_countries=[country]
        )
        # Host and partner at once: still one row.
        both = ProgrammeFactory(title="Both", host_country=country, partner_countries=[country])
        ProgrammeFactory(title="Unrelated", host_country=other)
        festival = FestivalFactory(host_country=country)
        joined = FestivalFactory(host_country=other, participating_countries=[country])
        university = UniversityFactory(country=country)
        site = HeritageSiteFactory(countries=[country, other])
        response = client.get(country.get_absolute_url())
        html = response.content.decode()
        assert list(response.context["programmes"]) == [both, hosted, partnered]
        for obj in (hosted, partnered, both, festival, joined, university, site):
            assert html.count(f'href="{obj.get_absolute_url()}"') == 1
        assert "Unrelated" not in html
        assert json_ld(response)["Country"]["identifier"] == "KG"

    def test_long_sections_are_capped_and_link_to_the_filtered_list(self, client, monkeypatch):
        monkeypatch.setattr(CountryDetailView, "section_size", 3)
        country = CountryFactory(slug="china")
        ProgrammeFactory.create_batch(4, host_country=country)
        FestivalFactory.create_batch(3, host_country=country)
        response = client.get(country.get_absolute_url())
        assert len(response.context["programmes"]) == 3
        html = response.content.decode()
        assert 'href="/en/programmes/?country=china"' in html
        assert "/en/festivals/?country=china" not in html

    def test_drafts_absent(self, client):
        country = CountryFactory()
        ProgrammeFactory(title="Draft programme", host_country=country, **DRAFT)
        FestivalFactory(title="Draft festival", host_country=country, **DRAFT)
        UniversityFactory(name="Draft university", country=country, **DRAFT)
        HeritageSiteFactory(name="Draft site", countries=[country], **DRAFT)
        html = client.get(country.get_absolute_url()).content.decode()
        for name in ("Draft programme", "Draft festival", "Draft university", "Draft site"):
            assert name not in html

    def test_draft_country_is_404(self, client):
        assert client.get(CountryFactory(**DRAFT).get_absolute_url()).status_code == 404

    @pytest.mark.parametrize("n", [2, 10])
    def test_query_count(self, client, django_assert_num_queries, n):
        country = CountryFactory()
        ProgrammeFactory.create_batch(n, host_country=country)
        ProgrammeFactory.create_batch(n, partner_countries=[country])
        FestivalFactory.create_batch(n, host_country=country)
        UniversityFactory.create_batch(n, country=country)
        HeritageSiteFactory.create_batch(n, countries=[country])
        # country, programmes, festivals, universities, heritage sites (festivals' and
        # universities' countries joined: 7 while each was a query)
        with django_assert_num_queries(5):
            assert client.get(country.get_absolute_url()).status_code == 200
