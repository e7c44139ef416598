import pytest

from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT
from scoculture.tests.structured import json_ld
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def country():
    return CountryFactory(name="Uzbekistan", code="UZ", slug="uzbekistan")


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
        university = UniversityFactory(
            country=country,
            city="Tashkent",
            website="https://nuu.uz",
            latitude="41.3111",
            longitude="69.2797",
        )
        ld = json_ld(client.get(university.get_absolute_url()))["CollegeOrUniversity"]
        assert ld["name"] == university.name
        assert ld["address"]["addressLocality"] == "Tashkent"
        assert ld["address"]["addressCountry"] == "UZ"
        assert ld["sameAs"] == "https://nuu.uz"
        assert ld["memberOf"]["name"] == "SCO University"
        # A CollegeOrUniversity is a Place in schema.org: it has a point, as a site has.
        assert ld["geo"] == {"@type": "GeoCoordinates", "latitude": 41.3111, "longitude": 69.2797}

    def test_draft_is_404(self, client):
        assert client.get(UniversityFactory(**DRAFT).get_absolute_url()).status_code == 404

    @pytest.mark.parametrize("n", [2, 10])
    def test_query_count(self, client, django_assert_num_queries, country, n):
        university = UniversityFactory(country=country)
        ProgrammeFactory.create_batch(n, host_country=country, host_universities=[university])
        # university (its country joined), priority areas, programmes (their host countries
        # joined: 7 while each was a query), locator map, photos
        with django_assert_num_queries(5):
            assert client.get(university.get_absolute_url()).status_code == 200
