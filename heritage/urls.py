from django.urls import path

from exports.exporters import FilteredExportView

from . import views
from .exports import HeritageSiteExporter
from .feeds import HeritageSiteFeed

app_name = "heritage"

urlpatterns = [
    path("", views.SiteListView.as_view(), name="site_list"),
    path("feed.rss", HeritageSiteFeed(), name="site_feed"),
    path(
        "export.csv",
        FilteredExportView.as_view(exporter_class=HeritageSiteExporter),
        name="site_export",
    ),
    path("<slug:slug>/", views.SiteDetailView.as_view(), name="site_detail"),
]
