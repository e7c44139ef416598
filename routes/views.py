from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from exports.exporters import csv_response
from scoculture.lists import FilteredListView, PublishedDetailView

from .exports import RouteStopsExporter
from .filters import RouteFilter
from .gpx import route_gpx
from .models import Route
from .structured_data import route_json_ld


class RouteListView(FilteredListView):
    filterset_class = RouteFilter
    template_name = "routes/route_list.html"
    context_object_name = "routes"


class RouteDetailView(PublishedDetailView):
    model = Route
    template_name = "routes/route_detail.html"
    context_object_name = "route"

    def get_breadcrumbs(self):
        return [(_("Routes"), reverse("routes:route_list"))]

    def get_json_ld(self):
        return {**route_json_ld(self.request, self.object), "image": self.page_image.url}

    def get_context_data(self, **kwargs):
        route = self.object
        return super().get_context_data(
            stops=route.measured_stops(),
            programmes_along=route.programmes_along(),
            festivals_along=route.festivals_along(),
            map_stops=[
                {
                    "name": stop.place_name,
                    "lat": float(stop.place_latitude),
                    "lon": float(stop.place_longitude),
                    "url": stop.get_absolute_url(),
                }
                for stop in route.visible_stops
            ],
            **kwargs,
        )


class RouteDownloadView(PublishedDetailView):
    """A published route's stops as a file (drafts are a 404, as their page is)."""

    model = Route

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.download(self.object)


class RouteCSVView(RouteDownloadView):
    def download(self, route):
        return csv_response(RouteStopsExporter(route, self.request))


class RouteGPXView(RouteDownloadView):
    def download(self, route):
        absolute = self.request.build_absolute_uri
        body = route_gpx(route, absolute(route.get_absolute_url()), absolute)
        response = HttpResponse(body, content_type="application/gpx+xml")
        response["Content-Disposition"] = f'attachment; filename="route-{route.slug}.gpx"'
        return response
