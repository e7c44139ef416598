"""The RSS and iCalendar twins of a public list: its FilterSet, its query string, its rows.

A twin reads the list's own FilterSet with the request's parameters, so it selects exactly
the rows the page shows (published only, the list's defaults, `?when=upcoming` and all);
parameters the page would reject are a 400 here (a feed has no form to show the error on),
a plain-text one naming the parameters, answered without logging a traceback.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.db.models import QuerySet
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.views import View

from .calendars import ics_response, make_calendar

FEED_SIZE = 30
CALENDAR_SIZE = 500  # far more than a year of events; keeps the response bounded


def list_query(request) -> str:
    """The list's query string without the page number: what the twins and links carry."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def filtered_rows(filterset_class, request, queryset) -> QuerySet:
    """The rows of `queryset` the list keeps for the request's parameters; BadRequest if the
    list's form would show an error."""
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    if filterset.is_bound and not filterset.is_valid():
        raise BadRequest(
            "; ".join(f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items())
        )
    return filterset.qs


def bad_request(error: BadRequest) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


@dataclass
class Selection:
    """What a feed reads: the filtered rows and the list page they come from."""

    rows: QuerySet
    list_url: str


class FilteredFeed(Feed):
    """RSS of a public list, newest publications first. Subclasses name `filterset_class`,
    `list_url_name`, `title`, `description` and, unless they are `title` and `summary`, the
    fields an item's title and description come from; `feed_queryset()` is what the filters
    narrow (published, with what the items read)."""

    filterset_class = None
    list_url_name = ""
    title_field = "title"
    description_field = "summary"

    def feed_queryset(self):
        return self.filterset_class._meta.model.objects.published()

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except BadRequest as error:
            return bad_request(error)

    def get_object(self, request, *args, **kwargs):
        rows = filtered_rows(self.filterset_class, request, self.feed_queryset())
        return Selection(rows, with_query(reverse(self.list_url_name), list_query(request)))

    def link(self, obj):
        return obj.list_url

    def items(self, obj):
        # -published_at alone: the visibility index serves it, newest first, no sort.
        return obj.rows.order_by("-published_at")[:FEED_SIZE]

    def item_title(self, item):
        return getattr(item, self.title_field)

    def item_description(self, item):
        return getattr(item, self.description_field)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class FilteredCalendarView(View):
    """iCalendar of a public list. Subclasses name `filterset_class`, `filename`,
    `calendar_name` and implement `events(request, rows)`; `calendar_queryset()` is what the
    filters narrow."""

    filterset_class = None
    filename = "scoculture.ics"
    calendar_name = ""

    def calendar_queryset(self):
        return self.filterset_class._meta.model.objects.published()

    def events(self, request, rows):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        try:
            rows = filtered_rows(self.filterset_class, request, self.calendar_queryset())
        except BadRequest as error:
            return bad_request(error)
        calendar = make_calendar(request, name=self.calendar_name)
        for event in self.events(request, rows):
            calendar.add_component(event)
        return ics_response(calendar, self.filename)
