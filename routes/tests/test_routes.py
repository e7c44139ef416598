"""Routes: distances, the list and its filters, the route page, its downloads and JSON-LD."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from routes.geo import haversine_km
from routes.models import Route
from routes.tests.factories import CityStopFactory, RouteFactory, site_stop
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, card_links, days, scheduled
from scoculture.tests.structured import json_ld

pytestmark = pytest.mark.django_db

ROUTES = reverse("routes:route_list")
GPX = "{http://www.topografix.com/GPX/1/1}"

# Representative points of the three UNESCO properties (portal/demo/data/heritage_sites.json).
SAMARKAND = ("39.654700", "66.975800")
BUKHARA = ("39.775000", "64.415000")
KHIVA = ("41.378000", "60.364000")


def test_haversine_against_known_distances():
    # One degree of longitude on the equator, with the mean Earth radius.
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)
    # Big Ben to the Statue of Liberty: 5,574.8 km, the formula's textbook example.
    assert haversine_km(51.5007, -0.1246, 40.6892, -74.0445) == pytest.approx(5574.8, abs=0.5)
    # Samarkand to Bukhara: about 219 km as the crow flies (some 270 km by road).
    assert haversine_km(*SAMARKAND, *BUKHARA) == pytest.approx(219.4, abs=0.5)
    assert haversine_km(*BUKHARA, *SAMARKAND) == haversine_km(*SAMARKAND, *BUKHARA)
    assert haversine_km(*KHIVA, *KHIVA) == 0


@pytest.fixture
def uzbekistan():
    return CountryFactory(name="Uzbekistan", code="UZ", slug="uzbekistan")


@pytest.fixture
def three_cities(uzbekistan):
    """Samarkand, Bukhara and Khiva: two heritage sites and, for Khiva, a city of its own."""
    route = RouteFactory(title="Samarkand, Bukhara and Khiva", theme="historic_cities")
    samarkand = HeritageSiteFactory(
        name="Samarkand", countries=[uzbekistan], latitude=SAMARKAND[0], longitude=SAMARKAND[1]
    )
    bukhara = HeritageSiteFactory(
        name="Bukhara", countries=[uzbekistan], latitude=BUKHARA[0], longitude=BUKHARA[1]
    )
    # Saved out of order: the page follows `position`.
    CityStopFactory(
        route=route,
        position=3,
        name="Khiva",
        country=uzbekistan,
        latitude=KHIVA[0],
        longitude=KHIVA[1],
        note="Itchan Kala",
    )
    site_stop(route, bukhara, 2)
    site_stop(route, samarkand, 1)
    return route


def detail(route):
    return Route.objects.published().for_detail().get(pk=route.pk)


def test_legs_and_length_are_computed_from_the_stops(three_cities):
    route = detail(three_cities)
    assert [stop.place_name for stop in route.visible_stops] == ["Samarkand", "Bukhara", "Khiva"]
    assert [round(leg.km) for leg in route.legs] == [219, 386]
    assert route.length_km == pytest.approx(219.44 + 385.72, abs=0.05)
    assert [country.code for country in route.countries] == ["UZ"]


def test_route_page_lists_the_stops_in_order_with_legs_and_facts(client, three_cities):
    html = client.get(three_cities.get_absolute_url()).content.decode()
    stops = html.split('class="route-stops"')[1].split("</ol>")[0]
    assert stops.index("Samarkand") < stops.index("Bukhara") < stops.index("Khiva")
    assert "219 km from the previous stop" in stops
    assert "386 km from the previous stop" in stops
    assert "Itchan Kala" in stops
    assert "605 km" in html and "Uzbekistan" in html
    # The heritage sites link to their pages; the city has none.
    assert stops.count('href="/en/heritage/') == 2
    # The stops as data for a map, beside the list that works without it.
    assert 'id="route-stops-data"' in html and '"lat": 39.6547' in html
    # ... which a map box on the page reads (static/js/map.js draws the stops and legs).
    assert 'data-route="route-stops-data"' in html and 'aria-label="Map of the route"' in html


def test_programmes_and_festivals_along_are_published_upcoming_and_in_the_countries_crossed(
    client, three_cities, uzbekistan
):
    elsewhere = CountryFactory(name="Elsewhere")
    shown = [
        ProgrammeFactory(title="Hosted here", host_country=uzbekistan),
        ProgrammeFactory(
            title="Open to Uzbekistan", host_country=elsewhere, partner_countries=[uzbekistan]
        ),
        FestivalFactory(title="Festival here", host_country=uzbekistan),
        FestivalFactory(
            title="Festival with", host_country=elsewhere, participating_countries=[uzbekistan]
        ),
    ]
    hidden = [
        ProgrammeFactory(title="Draft programme", host_country=uzbekistan, **DRAFT),
        ProgrammeFactory(
            title="Closed programme", host_country=uzbekistan, application_deadline=days(-3)
        ),
        ProgrammeFactory(title="Programme elsewhere", host_country=elsewhere),
        FestivalFactory(title="Scheduled festival", host_country=uzbekistan, **scheduled()),
        FestivalFactory(
            title="Past festival", host_country=uzbekistan, start_date=days(-30), end_date=days(-28)
        ),
        FestivalFactory(title="Festival elsewhere", host_country=elsewhere),
    ]
    html = client.get(three_cities.get_absolute_url()).content.decode()
    for item in shown:
        assert f'href="{item.get_absolute_url()}"' in html, item.title
    for item in hidden:
        assert item.title not in html, item.title


def test_drafts_never_show(client, uzbekistan):
    draft = RouteFactory(title="Draft route", **DRAFT)
    later = RouteFactory(title="Scheduled route", **scheduled())
    CityStopFactory(route=draft)
    route = RouteFactory(title="Public route")
    CityStopFactory(route=route, name="Open city", country=uzbekistan)
    secret = HeritageSiteFactory(
        name="Unpublished fort",
        countries=[CountryFactory(name="Hidden land")],
        latitude="41.0",
        longitude="69.0",
        **DRAFT,
    )
    site_stop(route, secret, 5)
    CityStopFactory(route=route, name="Draft country city", country=CountryFactory(**DRAFT))

    for url in (draft.get_absolute_url(), later.get_absolute_url()):
        assert client.get(url).status_code == 404
        assert client.get(url + "route.gpx").status_code == 404
        assert client.get(url + "stops.csv").status_code == 404
    listing = client.get(ROUTES)
    assert card_links(listing) == [route.get_absolute_url()]
    outputs = [
        # The country filter offers every published country; the cards name only the stops'.
        listing.content.decode().split('class="cards"')[1],
        client.get(route.get_absolute_url()).content.decode(),
        client.get(route.get_absolute_url() + "route.gpx").content.decode(),
        b"".join(client.get(route.get_absolute_url() + "stops.csv").streaming_content).decode(),
    ]
    for output in outputs:
        assert "Open city" in output
        for name in ("Unpublished fort", "Hidden land", "Draft country city", "Draft route"):
            assert name not in output
    # Nor does a hidden stop's country find the route.
    assert card_links(client.get(ROUTES, {"country": secret.countries.get().slug})) == []


def test_list_filters_by_country_theme_and_length(client):
    kz, kg = CountryFactory(slug="kazakhstan"), CountryFactory(slug="kyrgyzstan")
    short = RouteFactory(title="Short", theme="historic_cities")
    CityStopFactory(route=short, country=kz, latitude="43.0", longitude="77.0")
    CityStopFactory(route=short, country=kz, latitude="43.0", longitude="78.0")  # ~81 km
    long = RouteFactory(title="Long", theme="silk_roads")
    CityStopFactory(route=long, country=kz, latitude="43.0", longitude="77.0")
    CityStopFactory(route=long, country=kg, latitude="42.0", longitude="60.0")  # ~1,400 km
    CityStopFactory(route=long, country=kg, latitude="42.0", longitude="50.0")  # ~830 km more

    def found(**params):
        return card_links(client.get(ROUTES, params))

    assert found(country="kyrgyzstan") == [long.get_absolute_url()]
    assert found(country="kazakhstan") == [long.get_absolute_url(), short.get_absolute_url()]
    assert found(theme="historic_cities") == [short.get_absolute_url()]
    assert found(length="short") == [short.get_absolute_url()]
    assert found(length="medium") == []
    assert found(length="long", country="kazakhstan") == [long.get_absolute_url()]
    html = client.get(ROUTES, {"length": "long"}).content.decode()
    assert "Silk Roads (1)" in html and "Historic cities (0)" in html


@pytest.mark.parametrize(
    "params", [{"length": "endless"}, {"country": "atlantis"}, {"theme": "x" * 300}]
)
def test_bad_filters_are_form_errors_not_500(client, params):
    RouteFactory()
    response = client.get(ROUTES, params)
    assert response.status_code == 200
    assert "some filters need correcting" in response.content.decode()


def routes_with_stops(count, country):
    for _ in range(count):
        route = RouteFactory()
        site = HeritageSiteFactory(countries=[country], latitude="40.0", longitude="66.0")
        site_stop(route, site, 1)
        CityStopFactory(route=route, country=country)


def test_list_query_count_does_not_grow_with_the_routes(client, django_assert_num_queries):
    country = CountryFactory(slug="uz")
    routes_with_stops(3, country)
    # count, rows, stops, country choices, theme facet, when the content generation ends
    with django_assert_num_queries(6):
        assert client.get(ROUTES).status_code == 200
    routes_with_stops(6, country)
    with django_assert_num_queries(6):
        assert client.get(ROUTES).status_code == 200
    # The length filter reads the routes and their stops once more (country choices kept).
    with django_assert_num_queries(8):
        assert client.get(ROUTES, {"length": "short", "country": "uz"}).status_code == 200


def test_detail_query_count(client, three_cities, uzbekistan, django_assert_num_queries):
    ProgrammeFactory.create_batch(2, host_country=uzbekistan)
    FestivalFactory.create_batch(2, host_country=uzbekistan)
    # route, stops, programmes, festivals (their hosts joined: 6 while each was a query)
    with django_assert_num_queries(4):
        assert client.get(three_cities.get_absolute_url()).status_code == 200
    ProgrammeFactory.create_batch(3, host_country=uzbekistan)
    CityStopFactory(route=three_cities, position=9, country=CountryFactory())
    with django_assert_num_queries(4):
        assert client.get(three_cities.get_absolute_url()).status_code == 200


def test_gpx_is_a_well_formed_gpx_11_route(client, three_cities, uzbekistan):
    CityStopFactory(
        route=three_cities,
        position=4,
        name='Nukus <"Savitsky"> & Co',
        country=uzbekistan,
        latitude="42.460000",
        longitude="59.610000",
    )
    response = client.get(three_cities.get_absolute_url() + "route.gpx")
    assert response["Content-Type"] == "application/gpx+xml"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = ET.fromstring(response.content)  # raises on anything not well-formed
    assert root.tag == f"{GPX}gpx" and root.get("version") == "1.1"
    assert root.find(f"{GPX}metadata/{GPX}name").text == "Samarkand, Bukhara and Khiva"
    points = root.findall(f"{GPX}rte/{GPX}rtept")
    assert [p.find(f"{GPX}name").text for p in points] == [
        "Samarkand",
        "Bukhara",
        "Khiva",
        'Nukus <"Savitsky"> & Co',
    ]
    assert (points[0].get("lat"), points[0].get("lon")) == SAMARKAND
    assert points[2].find(f"{GPX}desc").text == "Itchan Kala, Uzbekistan"
    assert points[0].find(f"{GPX}link").get("href").startswith("http://testserver/en/heritage/")
    assert points[2].find(f"{GPX}link") is None


def test_csv_lists_the_stops_with_their_legs(client, three_cities):
    response = client.get(three_cities.get_absolute_url() + "stops.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Stop", "Place", "Country"]
    assert [row[1] for row in rows[1:4]] == ["Samarkand", "Bukhara", "Khiva"]
    assert rows[1][5] == "" and rows[2][5] == "219.4" and rows[3][5] == "385.7"
    assert rows[3][6] == "605.2"
    assert rows[1][7].startswith("http://testserver/en/heritage/") and rows[3][7] == ""
    assert rows[-1] == ["# end of export", "3"]


def test_json_ld_is_a_tourist_trip_with_an_itinerary_of_places(client, three_cities):
    trip = json_ld(client.get(three_cities.get_absolute_url()))["TouristTrip"]
    assert trip["name"] == "Samarkand, Bukhara and Khiva"
    assert trip["url"] == "http://testserver" + three_cities.get_absolute_url()
    itinerary = trip["itinerary"]
    assert itinerary["@type"] == "ItemList" and itinerary["numberOfItems"] == 3
    first, _, last = itinerary["itemListElement"]
    assert first["position"] == 1 and last["position"] == 3
    assert first["item"]["@type"] == "LandmarksOrHistoricalBuildings"
    assert first["item"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 39.6547,
        "longitude": 66.9758,
    }
    assert first["item"]["url"].startswith("http://testserver/en/heritage/")
    assert last["item"]["@type"] == "City" and last["item"]["name"] == "Khiva"
    assert last["item"]["address"]["addressCountry"] == "UZ"


def test_a_route_whose_stops_are_all_hidden_still_has_a_page(client):
    route = RouteFactory()
    CityStopFactory(route=route, country=CountryFactory(**DRAFT))
    for suffix in ("", "route.gpx", "stops.csv"):
        assert client.get(route.get_absolute_url() + suffix).status_code == 200


def test_a_suggestion_is_labelled(client, three_cities):
    Route.objects.filter(pk=three_cities.pk).update(is_example=True)
    assert "Suggested route" in client.get(ROUTES).content.decode()
    assert "A suggested itinerary" in client.get(three_cities.get_absolute_url()).content.decode()
