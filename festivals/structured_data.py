"""schema.org JSON-LD of festival pages, as plain dicts."""

from scoculture.links import web_url
from scoculture.models import Format
from scoculture.seo import (
    SCHEMA_CONTEXT,
    absolute_url,
    geo,
    organisation,
    place,
    without_empty,
)

from .models import Festival

ATTENDANCE_MODE = {
    Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
EVENT_TYPE = {
    Festival.Kind.ARTS_FESTIVAL: "Festival",
    Festival.Kind.FILM_FESTIVAL: "Festival",
    Festival.Kind.MUSIC: "MusicEvent",
    Festival.Kind.EXHIBITION: "ExhibitionEvent",
    Festival.Kind.SPORT: "SportsEvent",
}


def event_locations(request, festival, map_url=""):
    """Where to attend: a Place in person, a VirtualLocation online, both when hybrid.

    Google requires `location` on every Event; an online one is reached at the festival's
    website, or at this page when it has none (the page is where a visitor finds out how).
    The Place carries the point and the locator map (an Event has no `hasMap`; a Place has).
    """
    physical = place(
        festival.published_host_country,
        name=festival.venue,
        locality=festival.city,
    )
    if physical:
        physical.update(without_empty({"geo": geo(festival), "hasMap": map_url}))
    virtual = {
        "@type": "VirtualLocation",
        "url": web_url(festival.website) or absolute_url(request, festival.get_absolute_url()),
    }
    locations = {
        Format.IN_PERSON: [physical],
        Format.ONLINE: [virtual],
        Format.HYBRID: [physical, virtual],
    }[festival.format]
    return [location for location in locations if location]


def festival_json_ld(request, festival, image="", map_url=""):
    """An Event, or None without a start date: Google reads an Event without `startDate` as
    invalid, and a date we do not know is not one to invent."""
    if festival.start_date is None:
        return None
    locations = event_locations(request, festival, map_url)
    return without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": EVENT_TYPE.get(festival.kind, "Event"),
            "name": festival.title,
            "description": festival.summary,
            "url": absolute_url(request, festival.get_absolute_url()),
            "image": image,
            "startDate": festival.start_date,
            "endDate": festival.end_date,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": ATTENDANCE_MODE[festival.format],
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": organisation(festival.organiser),
            "sameAs": web_url(festival.website),
        }
    )
