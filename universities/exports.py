"""CSV exporters of the universities list and the priority areas (see exports.exporters)."""

from django.utils.translation import gettext_lazy as _

from exports.exporters import (
    COORDINATE_COLUMNS,
    PUBLISHING_COLUMNS,
    Column,
    ListExporter,
    register,
)

from .filters import UniversityFilter
from .models import PriorityArea, University


@register
class UniversityExporter(ListExporter):
    identifier = "universities"
    verbose_name = _("Universities")
    model = University
    filterset_class = UniversityFilter
    columns = [
        Column("name", _("Name")),
        Column("country__name", _("Country")),
        Column("city", _("City")),
        *COORDINATE_COLUMNS,
        Column("sco_university_member", _("SCO University member")),
        Column("sco_university_since", _("Member since")),
        Column("priority_areas__name", _("Priority areas")),
        Column("website", _("Website")),
        *PUBLISHING_COLUMNS,
    ]


@register
class PriorityAreaExporter(ListExporter):
    identifier = "priority-areas"
    verbose_name = _("SCO University priority areas")
    model = PriorityArea
    columns = [Column("name", _("Name")), Column("slug", _("Slug"))]
