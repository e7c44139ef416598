"""The public festivals list's filters; the staff CSV export reuses them."""

from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from scoculture.facets import count_values
from scoculture.filters import (
    ChoiceFilter,
    DateFilter,
    HostedFilterMixin,
    PublicFilterSet,
    SortFilter,
    TextFilter,
    country_choices,
    hosted_country_filter,
    partner_country_filter,
    start_year_filter,
)
from scoculture.models import Format, Sector

from .models import Festival


class FestivalFilter(HostedFilterMixin, PublicFilterSet):
    q = TextFilter(translated=("title", "summary", "organiser", "city"), fields=())
    kind = ChoiceFilter(label=_("Kind"), choices=Festival.Kind.choices)
    country = hosted_country_filter()
    partner = partner_country_filter()
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
    year = start_year_filter()
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
        countries = country_choices()
        return {"country": countries, "partner": countries}

    def default_data(self, data):
        # The list opens on what is still to come; past events are one click away, and dates
        # the visitor gives replace the default.
        if data and any(data.get(name) for name in ("when", "date_from", "date_to", "year")):
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
