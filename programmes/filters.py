"""The public lists' filters: programmes, festivals and events, universities.

Each FilterSet starts from `published().for_listing()` and is reused by the staff CSV exports.
Country filters take a country's slug and match hosts and partners alike, through Exists
subqueries, so a row never shows twice and pagination counts stay cheap.
"""

from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from scoculture.facets import count_values
from scoculture.filters import (
    CheckboxFilter,
    ChoiceFilter,
    DateFilter,
    PublicFilterSet,
    SortFilter,
    TextFilter,
)
from scoculture.models import Country, Format, Sector

from .models import Festival, FieldOfStudy, Language, PriorityArea, Programme, University


def named_choices(queryset):
    """(slug, name) pairs sorted by the name shown in the active language."""
    return sorted(((obj.slug, obj.name) for obj in queryset), key=lambda pair: pair[1].casefold())


def country_choices():
    return named_choices(Country.objects.published().only("slug", "name"))


class ProgrammeFilter(PublicFilterSet):
    q = TextFilter(translated=("title", "summary", "organiser"), fields=())
    kind = ChoiceFilter(label=_("Kind"), choices=Programme.Kind.choices)
    country = ChoiceFilter(
        label=_("Country"), method="filter_country", empty_label=_("Any country")
    )
    university = ChoiceFilter(label=_("University"), field_name="host_universities__slug")
    level = ChoiceFilter(label=_("Level"), choices=Programme.Level.choices)
    field = ChoiceFilter(label=_("Field of study"), field_name="fields_of_study__slug")
    language = ChoiceFilter(label=_("Language"), field_name="languages__slug")
    format = ChoiceFilter(label=_("Format"), choices=Format.choices)
    funding = ChoiceFilter(label=_("Funding"), choices=Programme.Funding.choices)
    sector = ChoiceFilter(label=_("Sector"), choices=Sector.choices)
    open = CheckboxFilter(label=_("Open for applications"), method="filter_open")
    deadline_before = DateFilter(
        label=_("Deadline on or before"), field_name="application_deadline", lookup_expr="lte"
    )
    starts_after = DateFilter(label=_("Starting from"), field_name="start_date", lookup_expr="gte")
    starts_before = DateFilter(
        label=_("Starting until"), field_name="start_date", lookup_expr="lte"
    )
    sort = SortFilter(
        orderings={
            "deadline": (
                _("Deadline (soonest first)"),
                (F("application_deadline").asc(nulls_last=True), "title", "pk"),
            ),
            "start": (
                _("Start date"),
                (F("start_date").asc(nulls_last=True), "title", "pk"),
            ),
            "title": (_("Title (A-Z)"), ("title", "pk")),
            "newest": (_("Newest"), ("-published_at", "-pk")),
        }
    )

    facet_names = ("kind", "country")

    class Meta:
        model = Programme
        fields = []

    def database_choices(self):
        return {
            "country": country_choices(),
            "university": named_choices(University.objects.published().only("slug", "name")),
            "field": named_choices(FieldOfStudy.objects.all()),
            "language": named_choices(Language.objects.all()),
        }

    def filter_country(self, queryset, name, value):
        return queryset.involving_country(value)

    def filter_open(self, queryset, name, value):
        return queryset.open_for_applications() if value else queryset

    def count_kind(self, queryset):
        return count_values(queryset, "kind")

    def count_country(self, queryset):
        return queryset.country_counts()


class FestivalFilter(PublicFilterSet):
    q = TextFilter(translated=("title", "summary", "organiser", "city"), fields=())
    kind = ChoiceFilter(label=_("Kind"), choices=Festival.Kind.choices)
    country = ChoiceFilter(
        label=_("Country"), method="filter_country", empty_label=_("Any country")
    )
    format = ChoiceFilter(label=_("Format"), choices=Format.choices)
    sector = ChoiceFilter(label=_("Sector"), choices=Sector.choices)
    when = ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("Any time"))],
        empty_label=None,
        method="filter_when",
    )
    date_from = DateFilter(label=_("From"), method="filter_date_from")
    date_to = DateFilter(label=_("Until"), field_name="start_date", lookup_expr="lte")
    sort = SortFilter(
        label=_("Sort by date"),
        empty_label=_("Soonest first"),
        orderings={
            "latest": (
                _("Latest first"),
                (F("start_date").desc(nulls_last=True), "title", "pk"),
            ),
        },
    )

    facet_names = ("kind", "country")

    class Meta:
        model = Festival
        fields = []

    def database_choices(self):
        return {"country": country_choices()}

    def filter_country(self, queryset, name, value):
        return queryset.involving_country(value)

    def default_data(self, data):
        # The list opens on what is still to come; past events are one click away, and dates
        # the visitor gives replace the default.
        if data and any(data.get(name) for name in ("when", "date_from", "date_to")):
            return data
        data = data.copy() if data is not None else QueryDict(mutable=True)
        data["when"] = "upcoming"
        self.defaulted.add("when")
        return data

    def filter_when(self, queryset, name, value):
        return {"upcoming": queryset.upcoming, "past": queryset.past, "all": queryset.all}[value]()

    def filter_date_from(self, queryset, name, value):
        # Still running on that day counts: a festival that ends on or after it.
        return queryset.upcoming(today=value)

    def count_kind(self, queryset):
        return count_values(queryset, "kind")

    def count_country(self, queryset):
        return queryset.country_counts()


class UniversityFilter(PublicFilterSet):
    q = TextFilter(translated=("name", "city", "description"), fields=())
    country = ChoiceFilter(
        label=_("Country"), field_name="country__slug", empty_label=_("Any country")
    )
    member = CheckboxFilter(label=_("SCO University member"), field_name="sco_university_member")
    area = ChoiceFilter(label=_("Priority area"), field_name="priority_areas__slug")

    facet_names = ("country",)

    class Meta:
        model = University
        fields = []

    def database_choices(self):
        return {
            "country": country_choices(),
            "area": named_choices(PriorityArea.objects.all()),
        }

    def count_country(self, queryset):
        return count_values(queryset, "country__slug")
