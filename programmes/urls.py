from django.urls import path

from exports.exporters import FilteredExportView

from . import views
from .exports import ProgrammeExporter
from .feeds import NewProgrammesFeed, ProgrammeCalendarView

app_name = "programmes"

urlpatterns = [
    path("", views.ProgrammeListView.as_view(), name="programme_list"),
    path("feed.rss", NewProgrammesFeed(), name="programme_feed"),
    path("calendar.ics", ProgrammeCalendarView.as_view(), name="programme_calendar"),
    path(
        "export.csv",
        FilteredExportView.as_view(exporter_class=ProgrammeExporter),
        name="programme_export",
    ),
    path("<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
]
