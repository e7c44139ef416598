"""CSV exporter of the festivals list (see exports.exporters)."""

from django.utils.translation import gettext_lazy as _

from exports.exporters import (
    COORDINATE_COLUMNS,
    PUBLISHING_COLUMNS,
    Column,
    ListExporter,
    register,
)

from .filters import FestivalFilter
from .models import Festival


@register
class FestivalExporter(ListExporter):
    identifier = "festivals"
    verbose_name = _("Festivals and events")
    model = Festival
    filterset_class = FestivalFilter
    columns = [
        Column("title", _("Title")),
        Column("kind", _("Kind")),
        Column("host_country__name", _("Host country")),
        Column("city", _("City")),
        Column("venue", _("Venue")),
        *COORDINATE_COLUMNS,
        Column("participating_countries__name", _("Participating countries")),
        Column("organiser", _("Organiser")),
        Column("sector", _("Sector")),
        Column("format", _("Format")),
        Column("edition", _("Edition or recurrence")),
        Column("start_date", _("Start date")),
        Column("end_date", _("End date")),
        Column("website", _("Website")),
        Column("heritage_sites__name", _("Related heritage sites")),
        *PUBLISHING_COLUMNS,
    ]
