"""The export of the core's countries (the content apps register their own)."""

from django.utils.translation import gettext_lazy as _

from exports.exporters import PUBLISHING_COLUMNS, Column, ListExporter, register
from scoculture.models import Country


@register
class CountryExporter(ListExporter):
    identifier = "countries"
    verbose_name = _("Countries")
    model = Country
    columns = [
        Column("name"),
        Column("code"),
        Column("sco_status"),
        Column("joined_year"),
        *PUBLISHING_COLUMNS,
    ]
