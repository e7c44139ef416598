"""What every public detail page tells search engines and link previews.

Canonical URL, Open Graph and schema.org JSON-LD are built here in Python (dicts, not
template strings), so they are testable and always valid JSON. The hreflang alternates of every
page come from base.html (includes/_hreflang.html).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language, gettext, to_locale

# Open Graph wants language_TERRITORY; Simplified Chinese is read as zh_CN by the big readers.
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU", "zh-hans": "zh_CN"}


def og_locale(language):
    return OG_LOCALES.get(language, to_locale(language))


def absolute_url(request, path):
    return request.build_absolute_uri(path)


@dataclass(frozen=True)
class PageImage:
    """The picture a page offers to link previews (og:image) and search engines (image)."""

    url: str  # absolute: Open Graph readers and search engines ignore relative URLs
    width: int
    height: int
    alt: str


# A 1200x630 picture (the size link previews crop to), for pages without a photo.
DEFAULT_IMAGE = ("img/og-default.png", 1200, 630)


def default_image(request):
    path, width, height = DEFAULT_IMAGE
    return PageImage(absolute_url(request, static(path)), width, height, gettext("SCO Culture"))


def distinct_urls(urls):
    """The URLs without empties and repeats; http/https, case of the host and a trailing
    slash do not make two addresses different."""

    def key(url):
        parts = urlsplit(url)
        return (parts.netloc.lower(), parts.path.rstrip("/"), parts.query)

    seen, result = set(), []
    for url in urls:
        if url and key(url) not in seen:
            seen.add(key(url))
            result.append(url)
    return result


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


def geo(item):
    """schema.org GeoCoordinates of a Located item, or None without coordinates."""
    if not item.has_coordinates:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": float(item.latitude),
        "longitude": float(item.longitude),
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
    `get_json_ld()` -> dict, which may read `self.page_image` (set before it is called);
    `get_page_image()` gives the site's default picture unless a view knows a better one.
    """

    og_type = "website"

    def get_breadcrumbs(self):
        return []

    def get_json_ld(self):
        return None

    def get_page_image(self):
        return default_image(self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        self.page_image = self.get_page_image()
        path = self.object.get_absolute_url()
        crumbs = [*self.get_breadcrumbs(), (str(self.object), path)]
        json_ld = [self.get_json_ld(), breadcrumb_list(request, crumbs)]
        context.update(
            breadcrumbs=crumbs,
            canonical_url=absolute_url(request, path),
            og_type=self.og_type,
            og_locale=og_locale(get_language() or settings.LANGUAGE_CODE),
            og_image=self.page_image,
            json_ld=[item for item in json_ld if item],
        )
        return context


SCHEMA_CONTEXT = "https://schema.org"


def without_empty(data):
    """A JSON-LD object without its empty properties."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def organisation(name):
    return {"@type": "Organization", "name": name} if name else None
