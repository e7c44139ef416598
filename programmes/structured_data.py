"""schema.org JSON-LD of programme pages, as plain dicts."""

from scoculture.links import web_url
from scoculture.models import Format
from scoculture.seo import SCHEMA_CONTEXT, absolute_url, organisation, place, without_empty
from universities.structured_data import university_summary

PROGRAMME_MODE = {Format.IN_PERSON: "onsite", Format.ONLINE: "online", Format.HYBRID: "blended"}


def programme_json_ld(request, programme):
    providers = [university_summary(request, u) for u in programme.published_host_universities]
    if not providers and programme.organiser:
        providers = [organisation(programme.organiser)]
    return without_empty(
        {
            "@context": SCHEMA_CONTEXT,
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
