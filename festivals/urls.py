from django.urls import path

from exports.exporters import FilteredExportView

from . import views
from .exports import FestivalExporter
from .feeds import festival_ics

app_name = "festivals"

urlpatterns = [
    path("", views.FestivalListView.as_view(), name="festival_list"),
    path(
        "export.csv",
        FilteredExportView.as_view(exporter_class=FestivalExporter),
        name="festival_export",
    ),
    path("<slug:slug>/", views.FestivalDetailView.as_view(), name="festival_detail"),
    path("<slug:slug>/calendar.ics", festival_ics, name="festival_ics"),
]
