"""CSV exporters of the programmes, festivals and universities lists (see scoculture.exports)."""

from django.utils.translation import gettext_lazy as _

from scoculture.exports import PUBLISHING_COLUMNS, Column, ListExporter, register

from .filters import FestivalFilter, ProgrammeFilter, UniversityFilter
from .models import Festival, FieldOfStudy, Language, PriorityArea, Programme, University


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
