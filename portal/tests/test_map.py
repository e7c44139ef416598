"""The map: its points (GeoJSON) and its page without JavaScript take the lists' filters, show
published records with coordinates only, and cost a fixed number of queries."""

import json

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from heritage.models import HeritageSite
from heritage.tests.factories import HeritageSiteFactory
from portal.maps import LIST_LIMIT
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, days, scheduled
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

AT = {"latitude": "39.654700", "longitude": "66.975800"}


@pytest.fixture
def places():
    uz = CountryFactory(slug="uzbekistan", name="Uzbekistan", name_ru="Узбекистан", code="UZ")
    kz = CountryFactory(slug="kazakhstan", name="Kazakhstan", code="KZ")
    return {
        "samarkand": HeritageSiteFactory(
            slug="samarkand",
            name="Samarkand",
            name_ru="Самарканд",
            region="Samarkand Region",
            countries=[uz],
            **AT,
        ),
        "tianshan": HeritageSiteFactory(
            slug="western-tianshan",
            name="Western Tien-Shan",
            category=HeritageSite.Category.NATURAL,
            criteria="(x)",
            countries=[kz, uz],
            latitude="42.2",
            longitude="70.5",
        ),
        "nowhere": HeritageSiteFactory(slug="no-coordinates", name="Unplaced", countries=[uz]),
        "draft": HeritageSiteFactory(slug="draft-site", name="Secret Citadel", **AT, **DRAFT),
        "scheduled": HeritageSiteFactory(
            slug="soon-site", name="Soon Citadel", **AT, **scheduled()
        ),
        "festival": FestivalFactory(
            slug="sharq-taronalari",
            title="Sharq Taronalari",
            kind=Festival.Kind.MUSIC,
            host_country=uz,
            city="Samarkand",
            **AT,
        ),
        "past": FestivalFactory(
            slug="old-festival",
            title="Old festival",
            host_country=kz,
            start_date=days(-400),
            end_date=days(-398),
            latitude="43.2",
            longitude="76.9",
        ),
        "draft festival": FestivalFactory(slug="veiled", title="Veiled festival", **AT, **DRAFT),
        "university": UniversityFactory(
            slug="samarkand-state", name="Samarkand State University", country=uz, **AT
        ),
        "almaty": UniversityFactory(
            slug="al-farabi",
            name="Al-Farabi University",
            country=kz,
            latitude="43.2",
            longitude="76.9",
        ),
        "draft university": UniversityFactory(
            slug="hidden", name="Hidden Academy", country=uz, **AT, **DRAFT
        ),
    }


def points(client, query="", language="en"):
    with translation.override(language):
        url = reverse("map_points")
    response = client.get(f"{url}?{query}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    return collection["features"]


def slugs(features):
    return sorted(
        feature["properties"]["url"].rstrip("/").rsplit("/", 1)[1] for feature in features
    )


def test_every_kind_published_with_coordinates_and_festivals_to_come(client, places):
    features = points(client)
    assert slugs(features) == [
        "al-farabi",
        "samarkand",
        "samarkand-state",
        "sharq-taronalari",
        "western-tianshan",
    ]
    [samarkand] = [f for f in features if f["properties"]["title"] == "Samarkand"]
    assert samarkand == {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [66.9758, 39.6547]},
        "properties": {
            "kind": "heritage",
            "title": "Samarkand",
            "place": "Samarkand Region",
            "url": "/en/heritage/samarkand/",
        },
    }


@pytest.mark.parametrize(
    "query,expected",
    [
        ("show=heritage", ["samarkand", "western-tianshan"]),
        ("show=heritage&category=natural", ["western-tianshan"]),
        ("show=heritage&country=kazakhstan", ["western-tianshan"]),
        ("show=heritage&transboundary=on", ["western-tianshan"]),
        ("show=festivals", ["sharq-taronalari"]),
        ("show=festivals&when=all", ["old-festival", "sharq-taronalari"]),
        ("show=festivals&when=all&kind=music", ["sharq-taronalari"]),
        ("show=universities&country=kazakhstan", ["al-farabi"]),
        # Every kind: the filters the lists share apply, the others are no one's.
        ("country=kazakhstan", ["al-farabi", "western-tianshan"]),
        ("q=samarkand", ["samarkand", "samarkand-state", "sharq-taronalari"]),
        (
            "category=natural",
            ["al-farabi", "samarkand", "samarkand-state", "sharq-taronalari", "western-tianshan"],
        ),
    ],
)
def test_the_lists_filters_choose_the_points(client, places, query, expected):
    assert slugs(points(client, query)) == expected


def test_the_same_rows_as_the_list_less_those_without_coordinates(client, places):
    list_page = client.get(reverse("heritage:site_list") + "?country=uzbekistan")
    listed = {site.slug for site in list_page.context["sites"]}
    assert listed == {"samarkand", "western-tianshan", "no-coordinates"}
    assert set(slugs(points(client, "show=heritage&country=uzbekistan"))) == listed - {
        "no-coordinates"
    }


def test_names_and_addresses_in_the_visitors_language(client, places):
    features = points(client, "show=heritage&country=uzbekistan", language="ru")
    titles = {f["properties"]["title"]: f["properties"]["url"] for f in features}
    # A missing translation falls back to English, as on the pages.
    assert titles == {
        "Самарканд": "/ru/heritage/samarkand/",
        "Western Tien-Shan": "/ru/heritage/western-tianshan/",
    }


@pytest.mark.parametrize(
    "query,field",
    [
        ("show=castles", "show"),
        ("show=heritage&country=atlantis", "country"),
        ("country=atlantis", "country"),
        ("show=heritage&inscribed_from=1066", "inscribed_from"),
        ("show=festivals&date_from=tomorrow", "date_from"),
        ("show=universities&area=" + "x" * 300, "area"),
    ],
)
def test_a_filter_it_cannot_read_is_a_400_naming_it(client, places, query, field):
    response = client.get(reverse("map_points") + "?" + query)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def n_of_each_kind_in_china(n):
    country = CountryFactory(slug="china", code="CN")
    HeritageSiteFactory.create_batch(n, countries=[country], **AT)
    FestivalFactory.create_batch(n, host_country=country, **AT)
    UniversityFactory.create_batch(n, country=country, **AT)


@pytest.mark.parametrize("n", [1, 30])
def test_points_cost_the_same_queries_however_many(client, django_assert_num_queries, n):
    n_of_each_kind_in_china(n)
    # Per kind: the country choices and the points; universities also read their areas; and
    # when the content generation ends, under which the choices are kept.
    with django_assert_num_queries(8):
        assert len(points(client, "country=china")) == 3 * n
    # The heritage points alone, their country choices kept since.
    with django_assert_num_queries(1):
        assert len(points(client, "show=heritage&category=cultural")) == n


def test_without_javascript_the_page_lists_the_places(client, places):
    response = client.get(reverse("map") + "?country=uzbekistan")
    assert response.status_code == 200
    page = response.content.decode()
    for place in places["samarkand"], places["festival"], places["university"]:
        assert f'<a href="{place.get_absolute_url()}">{place}</a>' in page
    for hidden in ("Unplaced", "Secret Citadel", "Soon Citadel", "Veiled", "Hidden Academy"):
        assert hidden not in page
    # The map draws the same points, from the same filters; a link skips past it.
    assert 'data-points="/en/map/points.geojson?country=uzbekistan"' in page
    assert 'href="#map-places"' in page
    assert 'role="region" aria-label="Map of the places listed below"' in page


def test_the_page_shows_the_chosen_kinds_filters_and_their_errors(client, places):
    page = client.get(reverse("map") + "?show=heritage&category=natural").content.decode()
    assert 'name="category"' in page and 'name="criterion"' in page
    assert '<option value="heritage" selected>' in page
    assert "Western Tien-Shan" in page and "Sharq Taronalari" not in page

    response = client.get(reverse("map") + "?show=heritage&inscribed_from=1066")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Some filters could not be understood" in page
    assert "Western Tien-Shan" not in page


def test_long_kinds_link_to_their_list_with_the_same_filters(client):
    country = CountryFactory(slug="china", code="CN")
    HeritageSiteFactory.create_batch(LIST_LIMIT + 1, countries=[country], **AT)
    page = client.get(reverse("map") + "?show=heritage&country=china&page=3").content.decode()
    assert page.count('href="/en/heritage/heritage-site-') == LIST_LIMIT
    assert f'href="/en/heritage/?country=china">The first {LIST_LIMIT}' in page


@pytest.mark.parametrize("n", [1, 30])
def test_the_page_costs_the_same_queries_however_many(client, django_assert_num_queries, n):
    n_of_each_kind_in_china(n)
    # Per kind: the country choices, a count and the places; universities also their areas;
    # when the content generation ends, under which the choices are kept.
    with django_assert_num_queries(11):
        assert client.get(reverse("map")).status_code == 200


def test_lists_map_their_filtered_rows_and_link_to_the_full_map(client, places):
    page = client.get(reverse("heritage:site_list") + "?category=natural&page=1").content.decode()
    assert 'data-points="/en/map/points.geojson?category=natural&amp;show=heritage"' in page
    assert 'href="/en/map/?category=natural&amp;show=heritage"' in page
    page = client.get(reverse("festivals:festival_list")).content.decode()
    assert 'data-points="/en/map/points.geojson?show=festivals"' in page


def test_detail_pages_map_their_point(client, places):
    for obj in (places["samarkand"], places["festival"], places["university"]):
        page = client.get(obj.get_absolute_url()).content.decode()
        assert 'data-point="39.654700,66.975800"' in page, obj
    page = client.get(places["nowhere"].get_absolute_url()).content.decode()
    assert "data-point=" not in page and "data-map" not in page


@override_settings(MAP_TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
def test_a_tile_server_is_named_to_the_script_when_set(client, places):
    page = client.get(places["samarkand"].get_absolute_url()).content.decode()
    assert 'data-tiles="https://{s}.tiles.example.org/{z}/{x}/{y}.png"' in page


def test_without_a_tile_server_only_the_outlines_are_drawn(client, places):
    page = client.get(reverse("map")).content.decode()
    assert "data-tiles" not in page
    assert "vendor/world-atlas/countries-110m" in page
