"""/sitemap.xml: an index of one sitemap per kind (/sitemap-programmes.xml...), listing every
published page in every language, with hreflang alternates. Each sitemap is paginated (?p=2)
well below the protocol's 50,000 URLs, and the index names every page.

Lives in `programmes`, the app allowed to import the others; the URL configuration mounts it.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from heritage.models import HeritageSite
from scoculture.models import Country

from .models import Festival, Programme, University


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # URLs per page: 1,000 records in three languages. Django builds and renders each URL
    # with its alternates in Python (about 0.2 ms each), so pages stay small, and the URL
    # configuration caches them.
    limit = 3_000


class PublishedSitemap(I18nSitemap):
    model = None
    changefreq = "weekly"

    def items(self):
        # Only what a URL and its lastmod need: the sitemap loads every row of its kind.
        return self.model.objects.published().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # One aggregate for the index, instead of loading every row to take the maximum.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ProgrammeSitemap(PublishedSitemap):
    model = Programme
    priority = 0.8


class FestivalSitemap(PublishedSitemap):
    model = Festival
    priority = 0.7


class UniversitySitemap(PublishedSitemap):
    model = University


class HeritageSiteSitemap(PublishedSitemap):
    model = HeritageSite


class CountrySitemap(PublishedSitemap):
    model = Country


class PageSitemap(I18nSitemap):
    """The home page and the list pages."""

    changefreq = "daily"

    def items(self):
        return [
            "home",
            "programmes:programme_list",
            "programmes:festival_list",
            "programmes:university_list",
            "heritage:site_list",
            "countries:country_list",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "programmes": ProgrammeSitemap,
    "festivals": FestivalSitemap,
    "universities": UniversitySitemap,
    "heritage": HeritageSiteSitemap,
    "countries": CountrySitemap,
}
