"""The public route list's filters, reused by the staff CSV export."""

from django.utils.translation import gettext_lazy as _

from scoculture.facets import count_values
from scoculture.filters import ChoiceFilter, PublicFilterSet, TextFilter, country_choices

from .models import Route, Theme

# value: (label, at least km, under km)
LENGTHS = {
    "short": (_("Under 500 km"), None, 500),
    "medium": (_("500 to 1,500 km"), 500, 1500),
    "long": (_("1,500 km and more"), 1500, None),
}


class RouteFilter(PublicFilterSet):
    q = TextFilter(translated=("title", "summary"), fields=())
    country = ChoiceFilter(
        label=_("Country crossed"), method="filter_country", empty_label=_("Any country")
    )
    theme = ChoiceFilter(label=_("Theme"), choices=Theme.choices)
    length = ChoiceFilter(
        label=_("Length"),
        choices=[(value, label) for value, (label, _low, _high) in LENGTHS.items()],
        method="filter_length",
    )

    facet_names = ("theme",)

    class Meta:
        model = Route
        fields = []

    def database_choices(self):
        return {"country": country_choices()}

    def filter_country(self, queryset, name, value):
        return queryset.crossing(value)

    def filter_length(self, queryset, name, value):
        _label, low, high = LENGTHS[value]
        return queryset.length_between(low, high)

    def count_theme(self, queryset):
        return count_values(queryset, "theme")
