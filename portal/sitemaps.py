"""/sitemap.xml: an index of sitemaps, one per kind and language (/sitemap-programmes-ru.xml),
listing every published page. Each is paginated (?p=2) well below the protocol's 50,000 URLs,
the index names every page, and the URL configuration caches them.

One section per language, rather than Django's `i18n = True`, because the latter reads a
kind's whole table for every page it serves; here a page reads only its own rows. The hreflang
alternates are in every page's <head> (base.html), so the sitemaps don't repeat them.

Lives in `programmes`, the app allowed to import the others; the URL configuration mounts it.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from festivals.models import Festival
from heritage.models import HeritageSite
from programmes.models import Programme
from routes.models import Route
from scoculture.models import Country
from universities.models import University


class LanguageSitemap(Sitemap):
    language = settings.LANGUAGE_CODE

    def url(self, name, **kwargs):
        with translation.override(self.language):
            return reverse(name, kwargs=kwargs)


class PublishedSitemap(LanguageSitemap):
    """One kind's published records, read as (slug, updated_at) tuples, a page at a time."""

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

    def location(self, item):
        return self.url(self.url_name, slug=item.slug)

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # One aggregate for the index, instead of reading every row to take the maximum.
        return self.model.objects.published().aggregate(latest=Max("updated_at"))["latest"]


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
