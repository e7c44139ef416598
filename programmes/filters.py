"""The public programmes list's filters; the staff CSV export reuses them.

It starts from `published().for_listing()`; the country filter matches hosts and partners alike.
"""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from scoculture.facets import count_values
from scoculture.filters import (
    CheckboxFilter,
    ChoiceFilter,
    DateFilter,
    HostedFilterMixin,
    PublicFilterSet,
    PublishedRowFilter,
    SortFilter,
    TextFilter,
    country_choices,
    hosted_country_filter,
    named_choices,
    partner_country_filter,
    start_year_filter,
)
from scoculture.models import Format, Sector
from universities.models import University

from .models import FieldOfStudy, Language, Programme


class ProgrammeFilter(HostedFilterMixin, PublicFilterSet):
    q = TextFilter(translated=("title", "summary", "organiser"), fields=())
    kind = ChoiceFilter(label=_("Kind"), choices=Programme.Kind.choices)
    country = hosted_country_filter()
    partner = partner_country_filter()
    university = PublishedRowFilter(
        label=_("University"),
        field_name="host_universities__slug",
        rows=lambda: University.objects.published(),
        suggest_url="api:university-list",
    )
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
    year = start_year_filter()
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
        countries = country_choices()
        return {
            "country": countries,
            "partner": countries,
            "field": named_choices(FieldOfStudy.objects.all()),
            "language": named_choices(Language.objects.all()),
        }

    def filter_open(self, queryset, name, value):
        return queryset.open_for_applications() if value else queryset

    def count_kind(self, queryset):
        return count_values(queryset, "kind")
