"""Festivals as calendar events and RSS: the list's twins, one festival's .ics file, and the
event the site calendar uses. Every feed starts from `published()`."""

from django.db.models import F
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy

from scoculture.calendars import dated_event, ics_response, make_calendar
from scoculture.feeds import CALENDAR_SIZE, FilteredCalendarView, FilteredFeed

from .filters import FestivalFilter
from .models import Festival


def festival_event(request, festival):
    parts = [festival.venue, festival.city]
    if festival.published_host_country:
        parts.append(festival.published_host_country.name)
    location = ", ".join(part for part in parts if part)
    return dated_event(request, festival, uid=f"festival-{festival.pk}", location=location)


def festival_ics(request, slug):
    """One festival as an .ics file, for "add to my calendar" on its page."""
    festival = get_object_or_404(
        Festival.objects.published()
        .filter(start_date__isnull=False)
        .with_published("host_country"),
        slug=slug,
    )
    calendar = make_calendar(request)
    calendar.add_component(festival_event(request, festival))
    return ics_response(calendar, f"{festival.slug}.ics")


def published_festivals():
    return Festival.objects.published().with_published("host_country")


class FestivalFeed(FilteredFeed):
    """The festivals list as RSS (upcoming by default, as the page)."""

    filterset_class = FestivalFilter
    list_url_name = "festivals:festival_list"
    title = gettext_lazy("SCO Culture: festivals and events")
    description = gettext_lazy("Festivals and events of the SCO countries, newest first.")

    def feed_queryset(self):
        return published_festivals()


class FestivalCalendarView(FilteredCalendarView):
    """The festivals list as a calendar: one all-day event per festival with a start date."""

    filterset_class = FestivalFilter
    filename = "festivals.ics"
    calendar_name = gettext_lazy("SCO Culture: festivals and events")

    def calendar_queryset(self):
        return published_festivals().filter(start_date__isnull=False)

    def events(self, request, rows):
        # The latest first, so the cap drops the oldest, never what is to come.
        for festival in rows.order_by(F("start_date").desc(), "-pk")[:CALENDAR_SIZE]:
            yield festival_event(request, festival)
