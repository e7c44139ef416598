"""The route admin as an editor uses it: a route and its ordered stops in one form."""

import pytest
from django.urls import reverse
from reversion.models import Version

from heritage.models import HeritageSite
from heritage.tests.factories import HeritageSiteFactory
from photos.tests.admin_form import form_data
from routes.models import Route
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT

pytestmark = pytest.mark.django_db

ADD = reverse("admin:routes_route_add")


@pytest.fixture
def uzbekistan():
    return CountryFactory(name="Uzbekistan", code="UZ")


def fill(client, stops):
    """The add form as the page gives it, with a route and `stops` (dicts of fields)."""
    page = client.get(ADD)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    data.update(
        title_en="Samarkand and Bukhara",
        slug="samarkand-and-bukhara",
        theme="historic_cities",
        suggested_days="4",
    )
    data["stops-TOTAL_FORMS"] = str(len(stops))
    for index, fields in enumerate(stops):
        for name, value in fields.items():
            data[f"stops-{index}-{name}"] = value
    return data


def test_editor_adds_a_route_with_a_site_stop_and_a_city_stop(editor_client, uzbekistan):
    samarkand = HeritageSiteFactory(
        name="Samarkand", countries=[uzbekistan], latitude="39.6547", longitude="66.9758"
    )
    data = fill(
        editor_client,
        [
            # The country is taken from the site, which lies in one.
            {"position": "1", "heritage_site": str(samarkand.pk)},
            {
                "position": "2",
                "name_en": "Bukhara",
                "name_ru": "Бухара",
                "country": str(uzbekistan.pk),
                "latitude": "39.775",
                "longitude": "64.415",
            },
        ],
    )
    response = editor_client.post(ADD, data)
    assert response.status_code == 302, response.context["errors"]
    route = Route.objects.get(slug="samarkand-and-bukhara")
    assert route.status == "draft"  # an editor's route waits for a publisher
    stops = list(route.stops.order_by("position"))
    assert [stop.place_name for stop in stops] == ["Samarkand", "Bukhara"]
    assert stops[0].country == uzbekistan and stops[1].name_ru == "Бухара"
    # The route's version keeps its stops, for the history and undo.
    version = Version.objects.get_for_object(route).get()
    assert {v.object_repr for v in version.revision.version_set.all()} == {
        "Samarkand and Bukhara",
        "Samarkand",
        "Bukhara",
    }


@pytest.mark.parametrize(
    "stop, field, message",
    [
        (
            {"position": "1", "name_en": "Khiva"},
            "latitude",
            "A city stop needs both its latitude and longitude.",
        ),
        (
            {"position": "1", "latitude": "41.0", "longitude": "60.0"},
            "heritage_site",
            "Choose a heritage site, or give the city",
        ),
        (
            {"position": "1", "draft_site": True},
            "heritage_site",
            "This heritage site is not published",
        ),
        ({"position": "1", "far_site": True}, "country", "several countries"),
        (
            {"position": "1", "site_with_point": True},
            "heritage_site",
            "A heritage site stop takes the site",
        ),
        (
            {"position": "1", "name_en": "Nowhere", "latitude": "91", "longitude": "60.0"},
            "latitude",
            "less than or equal to 90",
        ),
    ],
)
def test_stop_errors_are_clear(editor_client, uzbekistan, stop, field, message):
    site = HeritageSiteFactory(countries=[uzbekistan], latitude="41.0", longitude="60.0")
    good = {"position": "2", "heritage_site": str(site.pk)}
    if stop.pop("draft_site", False):
        stop["heritage_site"] = str(HeritageSiteFactory(latitude="1", longitude="1", **DRAFT).pk)
    if stop.pop("far_site", False):
        two = HeritageSiteFactory(
            countries=[uzbekistan, CountryFactory()], latitude="1", longitude="1"
        )
        stop["heritage_site"] = str(two.pk)
    if stop.pop("site_with_point", False):
        stop.update(heritage_site=str(site.pk), latitude="40.0", longitude="60.0")
    if "heritage_site" not in stop:
        stop.setdefault("country", str(uzbekistan.pk))
    response = editor_client.post(ADD, fill(editor_client, [stop, good]))
    assert response.status_code == 200
    assert not Route.objects.exists()
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert message in " ".join(errors[field]), errors


def test_a_route_needs_two_stops(editor_client, uzbekistan):
    site = HeritageSiteFactory(countries=[uzbekistan], latitude="41.0", longitude="60.0")
    response = editor_client.post(
        ADD, fill(editor_client, [{"position": "1", "heritage_site": str(site.pk)}])
    )
    assert response.status_code == 200
    assert "A route needs at least two stops" in response.content.decode()
    assert not Route.objects.exists()


def test_a_site_unpublished_later_does_not_block_editing_the_route(editor_client, uzbekistan):
    site = HeritageSiteFactory(countries=[uzbekistan], latitude="41.0", longitude="60.0")
    other = HeritageSiteFactory(countries=[uzbekistan], latitude="39.0", longitude="64.0")
    route = Route.objects.create(
        title="Old route", slug="old-route", theme="nature", suggested_days=2
    )
    route.stops.create(heritage_site=site, country=uzbekistan, position=1)
    route.stops.create(heritage_site=other, country=uzbekistan, position=2)
    HeritageSite.objects.filter(pk=site.pk).update(status="draft")
    url = reverse("admin:routes_route_change", args=[route.pk])
    data = form_data(editor_client.get(url).content.decode())
    data["title_en"] = "Renamed route"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    route.refresh_from_db()
    assert route.title_en == "Renamed route" and route.stops.count() == 2
