"""The routes list as RSS, with the list's filters; published routes only."""

from django.utils.translation import gettext_lazy

from scoculture.feeds import FilteredFeed

from .filters import RouteFilter


class RouteFeed(FilteredFeed):
    filterset_class = RouteFilter
    list_url_name = "routes:route_list"
    title = gettext_lazy("SCO Culture: tourism routes")
    description = gettext_lazy("Heritage tourism routes across the SCO countries, newest first.")
