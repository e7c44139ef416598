from django.urls import path

from exports.exporters import FilteredExportView

from . import views
from .exports import RouteExporter
from .feeds import RouteFeed

app_name = "routes"

urlpatterns = [
    path("", views.RouteListView.as_view(), name="route_list"),
    path("feed.rss", RouteFeed(), name="route_feed"),
    path(
        "export.csv",
        FilteredExportView.as_view(exporter_class=RouteExporter),
        name="route_export",
    ),
    path("<slug:slug>/", views.RouteDetailView.as_view(), name="route_detail"),
    path("<slug:slug>/stops.csv", views.RouteCSVView.as_view(), name="route_csv"),
    path("<slug:slug>/route.gpx", views.RouteGPXView.as_view(), name="route_gpx"),
]
