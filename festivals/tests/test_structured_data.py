"""The Event JSON-LD passes Google's required properties in every format."""

import pytest

from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from scoculture.models import Format
from scoculture.tests.factories import CountryFactory
from scoculture.tests.structured import json_ld

pytestmark = pytest.mark.django_db

# Google's Event: name, startDate and location are required; the rest is what it recommends.
REQUIRED = {"name", "startDate", "location"}
RECOMMENDED = {"eventAttendanceMode", "eventStatus", "image", "organizer", "description"}


def event(client, festival):
    return json_ld(client.get(festival.get_absolute_url()))["ExhibitionEvent"]


def locations(ld):
    value = ld["location"]
    return value if isinstance(value, list) else [value]


def make(format_, **kwargs):
    return FestivalFactory(
        kind=Festival.Kind.EXHIBITION,
        format=format_,
        host_country=CountryFactory(code="UZ"),
        city="Samarkand",
        venue="Registan",
        organiser="Ministry of Culture",
        summary="Miniatures of the Timurid age.",
        **kwargs,
    )


def assert_place(location):
    assert location["@type"] == "Place"
    assert location["name"] == "Registan"
    assert location["address"]["addressLocality"] == "Samarkand"
    assert location["address"]["addressCountry"] == "UZ"


@pytest.mark.parametrize("format_", list(Format))
@pytest.mark.parametrize("website", ["", "https://example.org/live"])
def test_every_format_has_the_required_and_recommended_properties(client, format_, website):
    ld = event(client, make(format_, website=website))
    assert ld.keys() >= REQUIRED | RECOMMENDED
    assert ld["eventStatus"] == "https://schema.org/EventScheduled"
    assert ld["organizer"] == {"@type": "Organization", "name": "Ministry of Culture"}
    assert ld["image"].startswith("http://testserver/")


def test_online_without_a_website_is_reached_at_its_page(client):
    festival = make(Format.ONLINE, website="")
    (location,) = locations(event(client, festival))
    assert location == {
        "@type": "VirtualLocation",
        "url": f"http://testserver{festival.get_absolute_url()}",
    }


def test_online_with_a_website_is_reached_there(client):
    (location,) = locations(event(client, make(Format.ONLINE, website="https://example.org/live")))
    assert location == {"@type": "VirtualLocation", "url": "https://example.org/live"}


@pytest.mark.parametrize("website", ["", "https://example.org/live"])
def test_hybrid_has_a_place_and_a_virtual_location(client, website):
    festival = make(Format.HYBRID, website=website)
    place, virtual = event(client, festival)["location"]
    assert_place(place)
    assert virtual["@type"] == "VirtualLocation"
    assert virtual["url"] == (website or f"http://testserver{festival.get_absolute_url()}")


def test_in_person_has_a_place_with_its_address(client):
    (location,) = locations(event(client, make(Format.IN_PERSON)))
    assert_place(location)


def test_without_a_start_date_there_is_no_event_but_breadcrumbs_stay(client):
    """Google reads an Event without startDate as invalid; we do not invent one."""
    festival = make(Format.IN_PERSON, start_date=None, end_date=None)
    data = json_ld(client.get(festival.get_absolute_url()))
    assert "ExhibitionEvent" not in data
    assert "BreadcrumbList" in data
