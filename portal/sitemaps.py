"""/sitemap.xml: an index of sitemaps, one per kind and language (/sitemap-programmes-ru.xml),
listing every published page. Each is paginated (?p=2) by ranges of the primary key, well
below the protocol's 50,000 URLs, the index names every page, and the URL configuration caches
them.

A page's XML is written by `UrlsetXml`, not by Django's sitemap.xml template: the template
engine spends about 0.1 ms a URL, half a second on a page of 5,000.

One section per language, rather than Django's `i18n = True`, because the latter reads a
kind's whole table for every page it serves; here a page reads only its own rows. The hreflang
alternates are in every page's <head> (base.html), so the sitemaps don't repeat them.

Lives in `portal`, the app allowed to import every kind; the URL configuration mounts it.
"""

import datetime
from html import escape  # what Django's escape() calls, without its check for lazy text

from django.conf import settings
from django.contrib.sitemaps import Sitemap, views
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property

from festivals.models import Festival
from heritage.models import HeritageSite
from programmes.models import Programme
from routes.models import Route
from scoculture.models import Country
from scoculture.pagination import KeyRangePaginator
from universities.models import University


class LanguageSitemap(Sitemap):
    language = settings.LANGUAGE_CODE

    def __init__(self, shared=None):
        # What a kind's sections in other languages read already within this request: the
        # index asks each for its newest change and its number of pages, the same for all.
        self.shared = {} if shared is None else shared

    def url(self, name, **kwargs):
        with translation.override(self.language):
            return reverse(name, kwargs=kwargs)


# Stands for the slug while a detail path is reversed once a page (any slug the path accepts).
SLUG = "__slug__"


class PublishedSitemap(LanguageSitemap):
    """One kind's published records, read as (slug, updated_at) tuples, a page at a time: a
    page is a range of keys, so the last costs what the first does (no COUNT, no OFFSET)."""

    model = None
    url_name = None
    changefreq = "weekly"
    limit = 5_000

    def items(self):
        return (
            self.model.objects.published()
            .order_by("pk")
            .values_list("slug", "updated_at", named=True)
        )

    @property
    def paginator(self):
        return self.read_once("paginator", lambda: KeyRangePaginator(self.items(), self.limit))

    def read_once(self, what, read):
        """`read()`, or what another language's section of this kind read for `what`."""
        key = (self.model._meta.label, what)
        if key not in self.shared:
            self.shared[key] = read()
        return self.shared[key]

    @cached_property
    def _around_slug(self):
        # The detail path before and after its slug, reversed once for the page's thousands
        # of URLs. The slug converter takes ASCII letters, digits, "-" and "_" alone, which a
        # path never escapes, so a slug goes in as it is.
        before, _, after = self.url(self.url_name, slug=SLUG).rpartition(SLUG)
        return before, after

    def location(self, item):
        before, after = self._around_slug
        return f"{before}{item.slug}{after}"

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # The newest published change, for the index: one step back along the updated_at
        # index, where Django's default reads every row to take the maximum.
        changes = self.model.objects.published().order_by("-updated_at")
        return self.read_once("lastmod", changes.values_list("updated_at", flat=True).first)


class ProgrammeSitemap(PublishedSitemap):
    model = Programme
    url_name = "programmes:programme_detail"
    priority = 0.8


class FestivalSitemap(PublishedSitemap):
    model = Festival
    url_name = "festivals:festival_detail"
    priority = 0.7


class UniversitySitemap(PublishedSitemap):
    model = University
    url_name = "universities:university_detail"


class HeritageSiteSitemap(PublishedSitemap):
    model = HeritageSite
    url_name = "heritage:site_detail"


class RouteSitemap(PublishedSitemap):
    model = Route
    url_name = "routes:route_detail"


class CountrySitemap(PublishedSitemap):
    model = Country
    url_name = "countries:country_detail"


class PageSitemap(LanguageSitemap):
    """The home page, the list pages and the map."""

    changefreq = "daily"

    def items(self):
        return [
            "home",
            "programmes:programme_list",
            "festivals:festival_list",
            "universities:university_list",
            "heritage:site_list",
            "routes:route_list",
            "countries:country_list",
            "map",
        ]

    def location(self, item):
        return self.url(item)


class UrlsetXml:
    """A sitemap page's <urlset>, as Django's sitemap.xml template writes it for these
    sitemaps (location, lastmod, changefreq, priority; no alternates), at a few microseconds a
    URL. Django's sitemap view takes it in place of the template's name."""

    HEAD = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    )

    def render(self, context=None, request=None):
        zone = timezone.get_current_timezone()  # once, not once a URL
        urls = (self.url(url, zone) for url in context["urlset"])
        return "".join([self.HEAD, *urls, "</urlset>\n"])

    def url(self, url, zone):
        parts = ["<url><loc>", escape(url["location"]), "</loc>"]
        if url["lastmod"]:
            parts += ["<lastmod>", day(url["lastmod"], zone), "</lastmod>"]
        if url["changefreq"]:
            parts += ["<changefreq>", escape(url["changefreq"]), "</changefreq>"]
        if url["priority"]:
            parts += ["<priority>", escape(url["priority"]), "</priority>"]
        parts.append("</url>\n")
        return "".join(parts)


def day(value, zone):
    """A date, or a datetime's day in `zone` if it is aware: the template's date:"Y-m-d"."""
    if isinstance(value, datetime.datetime):
        value = (value.astimezone(zone) if timezone.is_aware(value) else value).date()
    return value.isoformat()


KINDS = {
    "pages": PageSitemap,
    "programmes": ProgrammeSitemap,
    "festivals": FestivalSitemap,
    "universities": UniversitySitemap,
    "heritage": HeritageSiteSitemap,
    "routes": RouteSitemap,
    "countries": CountrySitemap,
}

SITEMAPS = {
    f"{kind}-{code}": type(f"{sitemap.__name__}_{code}", (sitemap,), {"language": code})
    for kind, sitemap in KINDS.items()
    for code, _ in settings.LANGUAGES
}


def sitemap_index(request, sitemaps, **kwargs):
    """Django's sitemap index, its sections sharing what they read: a kind's three language
    sections have the same newest change and number of pages, read once rather than thrice."""
    shared = {}
    sections = {name: sitemap(shared) for name, sitemap in sitemaps.items()}
    return views.index(request, sections, **kwargs)
