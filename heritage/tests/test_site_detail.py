import ast
import pathlib

import pytest

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from routes.tests.factories import CityStopFactory, RouteFactory, site_stop
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT
from scoculture.tests.structured import json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def kazakhstan():
    return CountryFactory(name="Kazakhstan", code="KZ")


@pytest.fixture
def kyrgyzstan():
    return CountryFactory(name="Kyrgyzstan", code="KG")


def test_shows_what_refers_to_it_and_the_other_sites_of_its_countries(
    client, kazakhstan, kyrgyzstan
):
    site = HeritageSiteFactory(
        name="Silk Roads: the Routes Network of Chang'an-Tianshan Corridor",
        countries=[kazakhstan, kyrgyzstan],
        criteria="(ii)(iii)(v)(vi)",
        year_inscribed=2014,
        latitude="42.5",
        longitude="75.3",
    )
    programme = ProgrammeFactory(title="Caravanserai field school", heritage_sites=[site])
    festival = FestivalFactory(title="Nomad games", heritage_sites=[site])
    sibling = HeritageSiteFactory(name="Sulaiman-Too", countries=[kyrgyzstan])
    elsewhere = HeritageSiteFactory(name="Far away", countries=[CountryFactory()])
    html = client.get(site.get_absolute_url()).content.decode()
    for url in (
        programme.get_absolute_url(),
        festival.get_absolute_url(),
        sibling.get_absolute_url(),
        kazakhstan.get_absolute_url(),
        kyrgyzstan.get_absolute_url(),
    ):
        assert f'href="{url}"' in html
    assert elsewhere.get_absolute_url() not in html
    assert "(ii)(iii)(v)(vi)" in html
    assert "openstreetmap.org/?mlat=42.500000&amp;mlon=75.300000" in html
    # Itself is not among "other sites".
    others = html.split('id="siblings"')[1].split("</section>")[0]
    assert sibling.get_absolute_url() in others
    assert site.get_absolute_url() not in others


def test_sibling_in_two_shared_countries_is_listed_once(client, kazakhstan, kyrgyzstan):
    site = HeritageSiteFactory(countries=[kazakhstan, kyrgyzstan])
    sibling = HeritageSiteFactory(name="Shared twice", countries=[kazakhstan, kyrgyzstan])
    html = client.get(site.get_absolute_url()).content.decode()
    assert html.count(f'href="{sibling.get_absolute_url()}"') == 1


def test_json_ld_landmark_with_geo(client, kazakhstan):
    site = HeritageSiteFactory(
        countries=[kazakhstan], latitude="43.302000", longitude="68.270000", unesco_reference="1103"
    )
    ld = json_ld(client.get(site.get_absolute_url()))["LandmarksOrHistoricalBuildings"]
    assert ld["name"] == site.name
    assert ld["geo"] == {"@type": "GeoCoordinates", "latitude": 43.302, "longitude": 68.27}
    assert ld["containedInPlace"]["identifier"] == "KZ"
    assert "https://whc.unesco.org/en/list/1103" in ld["sameAs"]


def test_json_ld_without_coordinates_has_no_geo(client):
    site = HeritageSiteFactory()
    ld = json_ld(client.get(site.get_absolute_url()))["LandmarksOrHistoricalBuildings"]
    assert "geo" not in ld


def test_drafts_never_leak(client, kazakhstan):
    site = HeritageSiteFactory(countries=[kazakhstan, CountryFactory(name="Draftistan", **DRAFT)])
    ProgrammeFactory(title="Draft Programme", heritage_sites=[site], **DRAFT)
    FestivalFactory(title="Draft Festival", heritage_sites=[site], **DRAFT)
    HeritageSiteFactory(name="Draft Sibling", countries=[kazakhstan], **DRAFT)
    html = client.get(site.get_absolute_url()).content.decode()
    for name in ("Draftistan", "Draft Programme", "Draft Festival", "Draft Sibling"):
        assert name not in html


def test_draft_is_404(client):
    assert client.get(HeritageSiteFactory(**DRAFT).get_absolute_url()).status_code == 404


def test_lists_the_published_routes_through_it_once_each(client, kazakhstan):
    site = HeritageSiteFactory(name="Tamgaly", countries=[kazakhstan])
    elsewhere = HeritageSiteFactory(countries=[kazakhstan])
    through = RouteFactory(title="Petroglyphs of Semirechye", suggested_days=4)
    site_stop(through, site, 1)
    site_stop(through, site, 3)  # back the same way: listed once
    CityStopFactory(route=through, position=2)
    draft = RouteFactory(title="Draft journey", **DRAFT)
    site_stop(draft, site, 1)
    other = RouteFactory(title="Somewhere else entirely")
    site_stop(other, elsewhere, 1)
    response = client.get(site.get_absolute_url())
    assert list(response.context["routes"]) == [through]
    html = response.content.decode()
    assert "Routes through this site" in html
    assert through.get_absolute_url() in html
    assert "Draft journey" not in html
    assert "Somewhere else entirely" not in html


def test_no_routes_no_section(client, kazakhstan):
    site = HeritageSiteFactory(countries=[kazakhstan])
    site_stop(RouteFactory(**DRAFT), site, 1)
    assert "Routes through this site" not in client.get(site.get_absolute_url()).content.decode()


@pytest.mark.parametrize("n", [2, 10])
def test_query_count(client, django_assert_num_queries, kazakhstan, n):
    site = HeritageSiteFactory(countries=[kazakhstan, *CountryFactory.create_batch(n)])
    ProgrammeFactory.create_batch(n, heritage_sites=[site])
    FestivalFactory.create_batch(n, heritage_sites=[site])
    HeritageSiteFactory.create_batch(n, countries=[kazakhstan])
    for route in RouteFactory.create_batch(n):
        site_stop(route, site, 1)
    # site, countries, locator map, programmes, festivals (their host countries joined: 10
    # while each was a query), other sites of its countries, routes through it, photos
    with django_assert_num_queries(8):
        assert client.get(site.get_absolute_url()).status_code == 200


def test_heritage_imports_no_app_above_it():
    """The reverse links go through relations, not imports (STYLE.md: imports flow one way)."""
    for path in pathlib.Path(__file__).resolve().parents[1].glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("programmes", "routes")), path


@pytest.mark.parametrize(
    "official_url",
    [
        "https://whc.unesco.org/en/list/1103",
        "http://whc.unesco.org/en/list/1103/",
        "https://WHC.unesco.org/en/list/1103/",
    ],
)
def test_json_ld_same_as_names_each_address_once(client, kazakhstan, official_url):
    site = HeritageSiteFactory(
        countries=[kazakhstan], unesco_reference="1103", official_url=official_url
    )
    ld = json_ld(client.get(site.get_absolute_url()))["LandmarksOrHistoricalBuildings"]
    assert ld["sameAs"] == ["https://whc.unesco.org/en/list/1103"]


def test_json_ld_same_as_keeps_a_different_official_page(client, kazakhstan):
    site = HeritageSiteFactory(
        countries=[kazakhstan], unesco_reference="1103", official_url="https://example.kz/site"
    )
    ld = json_ld(client.get(site.get_absolute_url()))["LandmarksOrHistoricalBuildings"]
    assert ld["sameAs"] == ["https://whc.unesco.org/en/list/1103", "https://example.kz/site"]


def test_json_ld_landmark_has_its_countries_addresses(client, kazakhstan, kyrgyzstan):
    site = HeritageSiteFactory(countries=[kazakhstan], latitude="43.3", longitude="68.27")
    ld = json_ld(client.get(site.get_absolute_url()))["LandmarksOrHistoricalBuildings"]
    assert {"name", "geo", "address", "image", "url"} <= ld.keys()
    assert ld["address"] == {"@type": "PostalAddress", "addressCountry": "KZ"}
    shared = HeritageSiteFactory(countries=[kazakhstan, kyrgyzstan])
    ld = json_ld(client.get(shared.get_absolute_url()))["LandmarksOrHistoricalBuildings"]
    assert sorted(address["addressCountry"] for address in ld["address"]) == ["KG", "KZ"]


def test_an_imported_site_cites_unesco_once_and_not_the_importers_note(client):
    # As import_whc fills `source`: the export's name, the reference, UNESCO's address.
    site = HeritageSiteFactory(
        unesco_reference="208rev",
        source="UNESCO World Heritage Centre, World Heritage List export whc-sites-2019, "
        "property 208rev: https://whc.unesco.org/en/list/208",
    )
    html = client.get(site.get_absolute_url()).content.decode()
    assert html.count('href="https://whc.unesco.org/en/list/208/"') == 1
    assert "UNESCO World Heritage List, property 208" in html
    assert "whc-sites-2019" not in html
