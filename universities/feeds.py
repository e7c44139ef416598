"""The universities list as RSS, with the list's filters; published universities only."""

from django.utils.translation import gettext_lazy

from scoculture.feeds import FilteredFeed

from .filters import UniversityFilter


class UniversityFeed(FilteredFeed):
    filterset_class = UniversityFilter
    list_url_name = "universities:university_list"
    title = gettext_lazy("SCO Culture: universities")
    description = gettext_lazy("Universities of the SCO countries, newest first.")
    title_field, description_field = "name", "description"
