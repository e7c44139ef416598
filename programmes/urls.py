from django.urls import path

from scoculture.exports import FilteredExportView

from . import feeds, views
from .exports import FestivalExporter, ProgrammeExporter, UniversityExporter

app_name = "programmes"

urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="programme_list"),
    path("programmes/feed.rss", feeds.NewProgrammesFeed(), name="programme_feed"),
    path(
        "programmes/export.csv",
        FilteredExportView.as_view(exporter_class=ProgrammeExporter),
        name="programme_export",
    ),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path("festivals/", views.FestivalListView.as_view(), name="festival_list"),
    path(
        "festivals/export.csv",
        FilteredExportView.as_view(exporter_class=FestivalExporter),
        name="festival_export",
    ),
    path("festivals/<slug:slug>/", views.FestivalDetailView.as_view(), name="festival_detail"),
    path("festivals/<slug:slug>/calendar.ics", feeds.festival_ics, name="festival_ics"),
    path("universities/", views.UniversityListView.as_view(), name="university_list"),
    path(
        "universities/network/",
        views.UniversityNetworkView.as_view(),
        name="university_network",
    ),
    path(
        "universities/export.csv",
        FilteredExportView.as_view(exporter_class=UniversityExporter),
        name="university_export",
    ),
    path(
        "universities/<slug:slug>/",
        views.UniversityDetailView.as_view(),
        name="university_detail",
    ),
]
