from django.urls import path

from exports.exporters import FilteredExportView

from . import views
from .exports import FestivalExporter
from .feeds import FestivalCalendarView, FestivalFeed, festival_ics

app_name = "festivals"

urlpatterns = [
    path("", views.FestivalListView.as_view(), name="festival_list"),
    path("feed.rss", FestivalFeed(), name="festival_feed"),
    path("calendar.ics", FestivalCalendarView.as_view(), name="festival_calendar"),
    path(
        "export.csv",
        FilteredExportView.as_view(exporter_class=FestivalExporter),
        name="festival_export",
    ),
    path("<slug:slug>/", views.FestivalDetailView.as_view(), name="festival_detail"),
    path("<slug:slug>/calendar.ics", festival_ics, name="festival_ics"),
]
