"""The public universities list's filters; the staff CSV export reuses them."""

from django.utils.translation import gettext_lazy as _

from scoculture.facets import count_values
from scoculture.filters import (
    CheckboxFilter,
    ChoiceFilter,
    PublicFilterSet,
    SortFilter,
    TextFilter,
    country_choices,
    named_choices,
)

from .models import PriorityArea, University


class UniversityFilter(PublicFilterSet):
    q = TextFilter(translated=("name", "city", "description"), fields=())
    country = ChoiceFilter(
        label=_("Country"), field_name="country__slug", empty_label=_("Any country")
    )
    member = CheckboxFilter(label=_("SCO University member"), field_name="sco_university_member")
    area = ChoiceFilter(label=_("Priority area"), field_name="priority_areas__slug")

    sort = SortFilter(
        empty_label=_("Name (A-Z)"),
        orderings={"country": (_("Country"), ("country__name", "name", "pk"))},
    )

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
