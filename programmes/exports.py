"""CSV exporters of the programmes list and its vocabularies (see exports.exporters)."""

from django.utils.translation import gettext_lazy as _

from exports.exporters import PUBLISHING_COLUMNS, Column, ListExporter, register

from .filters import ProgrammeFilter
from .models import FieldOfStudy, Language, Programme


@register
class ProgrammeExporter(ListExporter):
    identifier = "programmes"
    verbose_name = _("Exchange programmes")
    model = Programme
    filterset_class = ProgrammeFilter
    columns = [
        Column("title", _("Title")),
        Column("kind", _("Kind")),
        Column("host_country__name", _("Host country")),
        Column("partner_countries__name", _("Partner countries")),
        Column("host_universities__name", _("Host universities")),
        Column("organiser", _("Organiser")),
        Column("sector", _("Sector")),
        Column("level", _("Level")),
        Column("fields_of_study__name", _("Fields of study")),
        Column("languages__name", _("Languages of instruction")),
        Column("format", _("Format")),
        Column("start_date", _("Start date")),
        Column("end_date", _("End date")),
        Column("application_deadline", _("Application deadline")),
        Column("places", _("Places offered")),
        Column("funding", _("Funding")),
        Column("website", _("Website")),
        Column("heritage_sites__name", _("Related heritage sites")),
        *PUBLISHING_COLUMNS,
    ]


@register
class LanguageExporter(ListExporter):
    identifier = "languages"
    verbose_name = _("Languages")
    model = Language
    columns = [Column("name", _("Name")), Column("code", _("Code")), Column("slug", _("Slug"))]


@register
class FieldOfStudyExporter(ListExporter):
    identifier = "fields-of-study"
    verbose_name = _("Fields of study")
    model = FieldOfStudy
    columns = [Column("name", _("Name")), Column("slug", _("Slug"))]
