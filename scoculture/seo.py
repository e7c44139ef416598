"""What every public detail page tells search engines and link previews.

Canonical URL, Open Graph and schema.org JSON-LD are built here in Python (dicts, not
template strings), so they are testable and always valid JSON. The hreflang alternates of every
page come from base.html (includes/_hreflang.html).
"""

from django.conf import settings
from django.utils.translation import get_language, to_locale

# Open Graph wants language_TERRITORY; Simplified Chinese is read as zh_CN by the big readers.
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU", "zh-hans": "zh_CN"}


def og_locale(language):
    return OG_LOCALES.get(language, to_locale(language))


def absolute_url(request, path):
    return request.build_absolute_uri(path)


def breadcrumb_list(request, crumbs):
    """schema.org BreadcrumbList for [(label, path)], the last one being the page itself."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(label),
                "item": absolute_url(request, path),
            }
            for position, (label, path) in enumerate(crumbs, start=1)
        ],
    }


def place(country, *, name="", locality=""):
    """A schema.org Place in a country (and optionally a city), or None without either."""
    address = {"@type": "PostalAddress"}
    if locality:
        address["addressLocality"] = locality
    if country is not None:
        address["addressCountry"] = country.code
    if len(address) == 1 and not name:
        return None
    result = {"@type": "Place", "address": address}
    if name:
        result["name"] = name
    return result


class DetailPageMixin:
    """Adds breadcrumbs, canonical URL, Open Graph and JSON-LD to a DetailView.

    Views define `get_breadcrumbs()` -> [(label, path)] (without the page itself) and
    `get_json_ld()` -> dict.
    """

    og_type = "website"

    def get_breadcrumbs(self):
        return []

    def get_json_ld(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        path = self.object.get_absolute_url()
        crumbs = [*self.get_breadcrumbs(), (str(self.object), path)]
        json_ld = [self.get_json_ld(), breadcrumb_list(request, crumbs)]
        context.update(
            breadcrumbs=crumbs,
            canonical_url=absolute_url(request, path),
            og_type=self.og_type,
            og_locale=og_locale(get_language() or settings.LANGUAGE_CODE),
            json_ld=[item for item in json_ld if item],
        )
        return context


SCHEMA_CONTEXT = "https://schema.org"


def without_empty(data):
    """A JSON-LD object without its empty properties."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def organisation(name):
    return {"@type": "Organization", "name": name} if name else None
