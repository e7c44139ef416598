from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.views.generic import TemplateView

from portal import views
from portal.feeds import calendar_feed
from portal.search import SearchView
from portal.sitemaps import SITEMAPS, UrlsetXml, sitemap_index

from .public_cache import cached_public, page_number

# Crawlers fetch sitemaps rarely and building one is slow (Python per URL): cache for six
# hours, or until the content changes (scoculture.public_cache). A page reads only ?p=.
SITEMAP_TIMEOUT = 6 * 60 * 60
SITEMAP_INDEX_CACHE = cached_public(SITEMAP_TIMEOUT)
SITEMAP_CACHE = cached_public(SITEMAP_TIMEOUT, params={"p": page_number})

country_patterns = (
    [
        path("", views.CountryListView.as_view(), name="country_list"),
        path("<slug:slug>/", views.CountryDetailView.as_view(), name="country_detail"),
    ],
    "countries",
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Outside the language prefixes: the API takes its language from ?lang= or the header.
    path("api/v1/", include("api.urls")),
    path(
        "sitemap.xml",
        SITEMAP_INDEX_CACHE(sitemap_index),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        SITEMAP_CACHE(sitemaps.sitemap),
        {"sitemaps": SITEMAPS, "template_name": UrlsetXml()},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("search/", SearchView.as_view(), name="search"),
    path("calendar.ics", calendar_feed, name="calendar"),
    path("countries/", include(country_patterns)),
    path("map/", views.MapView.as_view(), name="map"),
    path("map/points.geojson", views.map_points, name="map_points"),
    path("cooperation/", views.CooperationView.as_view(), name="cooperation"),
    path("cooperation/export.csv", views.cooperation_csv, name="cooperation_csv"),
    path("heritage/", include("heritage.urls")),
    path("routes/", include("routes.urls")),
    path("universities/", include("universities.urls")),
    path("programmes/", include("programmes.urls")),
    path("festivals/", include("festivals.urls")),
    path("reports/", include("reports.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
