"""Subscriptions to programmes: the list's RSS and iCalendar twins (new programmes; deadlines
and the dates they run), and the deadline event the site calendar uses.

Every feed starts from `published()`, so a draft never reaches a subscriber.
"""

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from scoculture.calendars import all_day_event, dated_event
from scoculture.feeds import CALENDAR_SIZE, FilteredCalendarView, FilteredFeed

from .filters import ProgrammeFilter
from .models import Programme


class NewProgrammesFeed(FilteredFeed):
    """The programmes list as RSS: `?country=...` and every other filter of the page."""

    filterset_class = ProgrammeFilter
    list_url_name = "programmes:programme_list"
    title = gettext_lazy("SCO Culture: new programmes")
    description = gettext_lazy("Exchange programmes of the SCO countries, newest first.")

    def feed_queryset(self):
        return Programme.objects.published().with_published("host_country")

    def item_categories(self, item):
        categories = [item.get_kind_display()]
        if item.published_host_country:
            categories.append(item.published_host_country.name)
        return categories


def deadline_event(request, programme):
    return all_day_event(
        request,
        uid=f"programme-deadline-{programme.pk}",
        summary=_("Application deadline: %(title)s") % {"title": programme.title},
        start=programme.application_deadline,
        end=None,
        url=programme.get_absolute_url(),
        description=programme.summary,
    )


class ProgrammeCalendarView(FilteredCalendarView):
    """The programmes list as a calendar: each programme's deadline and the days it runs."""

    filterset_class = ProgrammeFilter
    filename = "programmes.ics"
    calendar_name = gettext_lazy("SCO Culture: programmes")

    def events(self, request, rows):
        # The latest first, so the cap drops the oldest dates, never what is to come.
        rows = rows.order_by(F("application_deadline").desc(nulls_last=True), "-pk")
        for programme in rows[:CALENDAR_SIZE]:
            if programme.application_deadline:
                yield deadline_event(request, programme)
            if programme.start_date:
                yield dated_event(request, programme, uid=f"programme-{programme.pk}")
