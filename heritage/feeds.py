"""The heritage sites list as RSS, with the list's filters; published sites only."""

from django.utils.translation import gettext_lazy

from scoculture.feeds import FilteredFeed

from .filters import HeritageSiteFilter


class HeritageSiteFeed(FilteredFeed):
    filterset_class = HeritageSiteFilter
    list_url_name = "heritage:site_list"
    title = gettext_lazy("SCO Culture: heritage sites")
    description = gettext_lazy("World Heritage sites of the SCO countries, newest first.")
    title_field = "name"
