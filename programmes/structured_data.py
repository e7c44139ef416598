"""schema.org JSON-LD of programme pages, as plain dicts."""

from scoculture.links import web_url
from scoculture.models import Format
from scoculture.seo import SCHEMA_CONTEXT, absolute_url, organisation, place, without_empty
from universities.structured_data import university_summary

from .models import Programme

PROGRAMME_MODE = {Format.IN_PERSON: "onsite", Format.ONLINE: "online", Format.HYBRID: "blended"}
# Google's values for an offer's category (Course info): what a participant pays.
OFFER_CATEGORY = {
    Programme.Funding.FULL: "Free",
    Programme.Funding.PARTIAL: "Partially Free",
    Programme.Funding.SELF: "Paid",
}


def time_to_complete(programme):
    """ISO 8601 duration from the first to the last day, or None when either is unknown."""
    if not (programme.start_date and programme.end_date):
        return None
    return f"P{(programme.end_date - programme.start_date).days + 1}D"


def offer(programme):
    """Where to apply and what it costs, as far as we know either."""
    return without_empty(
        {
            "@type": "Offer",
            "category": OFFER_CATEGORY.get(programme.funding),
            "url": web_url(programme.website),
        }
    )


def programme_json_ld(request, programme, image=""):
    providers = [university_summary(request, u) for u in programme.published_host_universities]
    if not providers and programme.organiser:
        providers = [organisation(programme.organiser)]
    funding = programme.funding in (Programme.Funding.FULL, Programme.Funding.PARTIAL)
    the_offer = offer(programme)
    return without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "EducationalOccupationalProgram",
            "name": programme.title,
            "description": programme.summary or programme.description,
            "url": absolute_url(request, programme.get_absolute_url()),
            "image": image,
            "programType": programme.get_kind_display(),
            "educationalProgramMode": PROGRAMME_MODE.get(programme.format),
            "applicationDeadline": programme.application_deadline,
            "startDate": programme.start_date,
            "endDate": programme.end_date,
            "timeToComplete": time_to_complete(programme),
            "maximumEnrollment": programme.places,
            "financialAidEligible": programme.get_funding_display() if funding else None,
            "offers": the_offer if len(the_offer) > 1 else None,
            "provider": providers,
            "inLanguage": [language.code for language in programme.languages.all()],
            "location": place(programme.published_host_country),
            "sameAs": web_url(programme.website),
        }
    )
