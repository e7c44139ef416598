from django.urls import path

from exports.exporters import FilteredExportView

from . import views
from .exports import UniversityExporter
from .feeds import UniversityFeed

app_name = "universities"

urlpatterns = [
    path("", views.UniversityListView.as_view(), name="university_list"),
    path("network/", views.UniversityNetworkView.as_view(), name="university_network"),
    path("feed.rss", UniversityFeed(), name="university_feed"),
    path(
        "export.csv",
        FilteredExportView.as_view(exporter_class=UniversityExporter),
        name="university_export",
    ),
    path("<slug:slug>/", views.UniversityDetailView.as_view(), name="university_detail"),
]
