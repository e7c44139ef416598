from django.urls import path

from exports.exporters import FilteredExportView

from . import views
from .exports import HeritageSiteExporter

app_name = "heritage"

urlpatterns = [
    path("", views.SiteListView.as_view(), name="site_list"),
    path(
        "export.csv",
        FilteredExportView.as_view(exporter_class=HeritageSiteExporter),
        name="site_export",
    ),
    path("<slug:slug>/", views.SiteDetailView.as_view(), name="site_detail"),
]
