"""CSV of the routes list (staff, like every list), and of one route's stops (public)."""

from django.utils.translation import gettext_lazy as _

from exports.exporters import PUBLISHING_COLUMNS, Column, Exporter, ListExporter, register

from .filters import RouteFilter
from .models import Route


@register
class RouteExporter(ListExporter):
    identifier = "routes"
    verbose_name = _("Routes")
    model = Route
    filterset_class = RouteFilter
    columns = [
        Column("title", _("Title")),
        Column("theme", _("Theme")),
        Column("suggested_days", _("Suggested days")),
        Column("is_example", _("Example")),
        *PUBLISHING_COLUMNS,
    ]


class RouteStopsExporter(Exporter):
    """One row per visible stop of a route (from `for_detail()`), with the leg that reaches it."""

    def __init__(self, route, request):
        super().__init__()
        self.route = route
        self.request = request
        self.identifier = f"route-{route.slug}"

    def get_filename(self, today=None):
        return f"{self.identifier}.csv"

    def header(self):
        return [
            _("Stop"),
            _("Place"),
            _("Country"),
            _("Latitude"),
            _("Longitude"),
            _("Kilometres from the previous stop"),
            _("Kilometres from the start"),
            _("Heritage site page"),
        ]

    def iter_data(self):
        total = 0.0
        for number, stop in enumerate(self.route.measured_stops(), 1):
            km = stop.km_from_previous
            total += km or 0.0
            yield [
                number,
                stop.place_name,
                stop.country.name,
                stop.place_latitude,
                stop.place_longitude,
                None if km is None else round(km, 1),
                round(total, 1),
                self.request.build_absolute_uri(stop.get_absolute_url())
                if stop.heritage_site_id
                else "",
            ]
