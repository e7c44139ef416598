"""The public heritage list's filters, reused by the staff CSV export."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from scoculture.facets import count_related, count_values
from scoculture.filters import (
    CheckboxFilter,
    ChoiceFilter,
    PublicFilterSet,
    SortFilter,
    TextFilter,
    YearFilter,
    country_choices,
)

from .models import ALL_CRITERIA, FIRST_INSCRIPTION_YEAR, HeritageSite

LAST_YEAR = 2100


class HeritageSiteFilter(PublicFilterSet):
    q = TextFilter(translated=("name", "region", "summary"), fields=("unesco_reference",))
    country = ChoiceFilter(
        label=_("Country"), method="filter_country", empty_label=_("Any country")
    )
    category = ChoiceFilter(label=_("Category"), choices=HeritageSite.Category.choices)
    unesco_status = ChoiceFilter(
        label=_("UNESCO status"), choices=HeritageSite.UNESCOStatus.choices
    )
    inscribed_from = YearFilter(
        label=_("Inscribed from (year)"),
        field_name="year_inscribed",
        lookup_expr="gte",
        min_value=FIRST_INSCRIPTION_YEAR,
        max_value=LAST_YEAR,
    )
    inscribed_to = YearFilter(
        label=_("Inscribed until (year)"),
        field_name="year_inscribed",
        lookup_expr="lte",
        min_value=FIRST_INSCRIPTION_YEAR,
        max_value=LAST_YEAR,
    )
    criterion = ChoiceFilter(
        label=_("UNESCO criterion"),
        choices=[(c, f"({c})") for c in ALL_CRITERIA],
        method="filter_criterion",
    )
    in_danger = CheckboxFilter(label=_("In danger"), field_name="in_danger")
    transboundary = CheckboxFilter(label=_("Transboundary"), method="filter_transboundary")
    sort = SortFilter(
        empty_label=_("Name (A-Z)"),
        orderings={
            "newest": (
                _("Inscribed (newest first)"),
                (F("year_inscribed").desc(nulls_last=True), "name", "pk"),
            ),
            "oldest": (
                _("Inscribed (oldest first)"),
                (F("year_inscribed").asc(nulls_last=True), "name", "pk"),
            ),
        },
    )

    facet_names = ("category", "country")

    class Meta:
        model = HeritageSite
        fields = []

    def database_choices(self):
        return {"country": country_choices()}

    def filter_country(self, queryset, name, value):
        return queryset.in_country(value)

    def filter_criterion(self, queryset, name, value):
        return queryset.with_criterion(value)

    def filter_transboundary(self, queryset, name, value):
        return queryset.transboundary() if value else queryset

    def count_category(self, queryset):
        return count_values(queryset, "category")

    def count_country(self, queryset):
        return count_related(queryset, "countries")
