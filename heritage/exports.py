"""CSV exporter of the heritage sites list (see exports.exporters)."""

from django.utils.translation import gettext_lazy as _

from exports.exporters import (
    COORDINATE_COLUMNS,
    PUBLISHING_COLUMNS,
    Column,
    ListExporter,
    register,
)

from .filters import HeritageSiteFilter
from .models import HeritageSite


@register
class HeritageSiteExporter(ListExporter):
    identifier = "heritage-sites"
    verbose_name = _("Heritage sites")
    model = HeritageSite
    filterset_class = HeritageSiteFilter
    columns = [
        Column("name", _("Name")),
        Column("countries__name", _("Countries")),
        Column("region", _("Region or city")),
        Column("unesco_status", _("UNESCO status")),
        Column("unesco_reference", _("UNESCO reference")),
        Column("category", _("Category")),
        Column("criteria", _("Criteria")),
        Column("year_inscribed", _("Year inscribed")),
        Column("in_danger", _("In danger")),
        *COORDINATE_COLUMNS,
        Column("official_url", _("Official page")),
        *PUBLISHING_COLUMNS,
    ]
