"""schema.org JSON-LD of programme, festival and university pages, as plain dicts."""

from scoculture.links import web_url
from scoculture.models import Format
from scoculture.seo import absolute_url, place

from .models import Festival

CONTEXT = "https://schema.org"

ATTENDANCE_MODE = {
    Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
PROGRAMME_MODE = {Format.IN_PERSON: "onsite", Format.ONLINE: "online", Format.HYBRID: "blended"}
EVENT_TYPE = {
    Festival.Kind.ARTS_FESTIVAL: "Festival",
    Festival.Kind.FILM_FESTIVAL: "Festival",
    Festival.Kind.MUSIC: "MusicEvent",
    Festival.Kind.EXHIBITION: "ExhibitionEvent",
    Festival.Kind.SPORT: "SportsEvent",
}


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _organisation(name):
    return {"@type": "Organization", "name": name} if name else None


def university_summary(request, university):
    return _without_empty(
        {
            "@type": "CollegeOrUniversity",
            "name": university.name,
            "url": absolute_url(request, university.get_absolute_url()),
        }
    )


def programme_json_ld(request, programme):
    providers = [university_summary(request, u) for u in programme.published_host_universities]
    if not providers and programme.organiser:
        providers = [_organisation(programme.organiser)]
    return _without_empty(
        {
            "@context": CONTEXT,
            "@type": "EducationalOccupationalProgram",
            "name": programme.title,
            "description": programme.summary,
            "url": absolute_url(request, programme.get_absolute_url()),
            "programType": programme.get_kind_display(),
            "educationalProgramMode": PROGRAMME_MODE.get(programme.format),
            "applicationDeadline": programme.application_deadline,
            "startDate": programme.start_date,
            "endDate": programme.end_date,
            "maximumEnrollment": programme.places,
            "provider": providers,
            "inLanguage": [language.code for language in programme.languages.all()],
            "location": place(programme.published_host_country),
            "sameAs": web_url(programme.website),
        }
    )


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
    return _without_empty(
        {
            "@context": CONTEXT,
            "@type": EVENT_TYPE.get(festival.kind, "Event"),
            "name": festival.title,
            "description": festival.summary,
            "url": absolute_url(request, festival.get_absolute_url()),
            "startDate": festival.start_date,
            "endDate": festival.end_date,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": ATTENDANCE_MODE[festival.format],
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": _organisation(festival.organiser),
            "sameAs": web_url(festival.website),
        }
    )


def university_json_ld(request, university):
    country = university.published_country
    return _without_empty(
        {
            "@context": CONTEXT,
            **university_summary(request, university),
            "description": university.description,
            "sameAs": web_url(university.website),
            "address": _without_empty(
                {
                    "@type": "PostalAddress",
                    "addressLocality": university.city,
                    "addressCountry": country.code if country else None,
                }
            ),
            "memberOf": (
                {"@type": "Organization", "name": "SCO University"}
                if university.sco_university_member
                else None
            ),
        }
    )
