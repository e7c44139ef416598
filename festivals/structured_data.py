"""schema.org JSON-LD of festival pages, as plain dicts."""

from scoculture.links import web_url
from scoculture.models import Format
from scoculture.seo import SCHEMA_CONTEXT, absolute_url, organisation, place, without_empty

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


def festival_json_ld(request, festival):
    physical = place(
        festival.published_host_country,
        name=festival.venue,
        locality=festival.city,
    )
    website = web_url(festival.website)
    virtual = {"@type": "VirtualLocation", "url": website} if website else None
    locations = {
        Format.IN_PERSON: [physical],
        Format.ONLINE: [virtual],
        Format.HYBRID: [physical, virtual],
    }[festival.format]
    locations = [location for location in locations if location]
    return without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": EVENT_TYPE.get(festival.kind, "Event"),
            "name": festival.title,
            "description": festival.summary,
            "url": absolute_url(request, festival.get_absolute_url()),
            "startDate": festival.start_date,
            "endDate": festival.end_date,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": ATTENDANCE_MODE[festival.format],
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": organisation(festival.organiser),
            "sameAs": web_url(festival.website),
        }
    )
