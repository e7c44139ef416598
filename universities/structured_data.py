"""schema.org JSON-LD of university pages, as plain dicts."""

from scoculture.links import web_url
from scoculture.seo import SCHEMA_CONTEXT, absolute_url, geo, without_empty


def university_summary(request, university):
    """Name, page and address: enough for a programme's `provider` (which wants an address)."""
    country = university.published_country
    address = without_empty(
        {
            "@type": "PostalAddress",
            "addressLocality": university.city,
            "addressCountry": country.code if country else None,
        }
    )
    return without_empty(
        {
            "@type": "CollegeOrUniversity",
            "name": university.name,
            "url": absolute_url(request, university.get_absolute_url()),
            "address": address if len(address) > 1 else None,
        }
    )


def university_json_ld(request, university, image="", map_url=""):
    """A CollegeOrUniversity, which schema.org counts as a Place too: its point (`geo`) and
    its locator map (`hasMap`), as a heritage site's."""
    return without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            **university_summary(request, university),
            "image": image,
            "geo": geo(university),
            "hasMap": map_url,
            "description": university.description,
            "sameAs": web_url(university.website),
            "memberOf": (
                {"@type": "Organization", "name": "SCO University"}
                if university.sco_university_member
                else None
            ),
        }
    )
