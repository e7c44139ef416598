"""Subscriptions: an RSS feed of new programmes and iCalendar feeds of events and deadlines.

Every feed starts from `published()`, so a draft never reaches a subscriber.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event

from scoculture.public_cache import cached_public

from .models import Festival, Programme

FEED_SIZE = 30
CALENDAR_SIZE = 500  # far more than a year of events; keeps the response bounded


class NewProgrammesFeed(Feed):
    title = gettext_lazy("SCO Culture: new programmes")
    description = gettext_lazy("Exchange programmes of the SCO countries, newest first.")

    def link(self):
        return reverse("programmes:programme_list")

    def items(self):
        return (
            Programme.objects.published()
            .with_published("host_country")
            # -published_at alone: the visibility index serves it, newest first, no sort.
            .order_by("-published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        categories = [item.get_kind_display()]
        if item.published_host_country:
            categories.append(item.published_host_country.name)
        return categories


def _calendar(request):
    calendar = Calendar()
    calendar.add("prodid", "-//SCO Culture//scoculture//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("SCO Culture: festivals and application deadlines"))
    return calendar


def _all_day_event(request, *, uid, summary, start, end, url, description="", location=""):
    event = Event()
    event.add("uid", f"{uid}@{request.get_host().split(':')[0]}")
    event.add("dtstamp", timezone.now())
    event.add("summary", summary)
    event.add("dtstart", start)
    # iCalendar all-day events end on the day after the last one (DTEND is exclusive).
    event.add("dtend", (end or start) + datetime.timedelta(days=1))
    event.add("url", request.build_absolute_uri(url))
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    return event


def festival_event(request, festival):
    parts = [festival.venue, festival.city]
    if festival.published_host_country:
        parts.append(festival.published_host_country.name)
    return _all_day_event(
        request,
        uid=f"festival-{festival.pk}",
        summary=festival.title,
        start=festival.start_date,
        end=festival.end_date,
        url=festival.get_absolute_url(),
        description=festival.summary,
        location=", ".join(part for part in parts if part),
    )


def deadline_event(request, programme):
    return _all_day_event(
        request,
        uid=f"programme-deadline-{programme.pk}",
        summary=_("Application deadline: %(title)s") % {"title": programme.title},
        start=programme.application_deadline,
        end=None,
        url=programme.get_absolute_url(),
        description=programme.summary,
    )


def _ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# Calendar apps poll subscriptions; building hundreds of events takes a few hundred ms.
# Cached until the content changes (scoculture.public_cache), and 15 minutes at most: "upcoming"
# and "still open" move with the date.
@cached_public(15 * 60)
def calendar_feed(request):
    """Upcoming festivals and the deadlines of programmes still open, as one calendar."""
    today = timezone.localdate()
    calendar = _calendar(request)
    festivals = (
        Festival.objects.published()
        .upcoming(today)
        .filter(start_date__isnull=False)
        .with_published("host_country")
        .order_by("start_date", "pk")[:CALENDAR_SIZE]
    )
    for festival in festivals:
        calendar.add_component(festival_event(request, festival))
    programmes = (
        Programme.objects.published()
        .filter(application_deadline__gte=today)
        .order_by("application_deadline", "pk")[:CALENDAR_SIZE]
    )
    for programme in programmes:
        calendar.add_component(deadline_event(request, programme))
    return _ics_response(calendar, "scoculture.ics")


def festival_ics(request, slug):
    """One festival as an .ics file, for "add to my calendar" on its page."""
    festival = get_object_or_404(
        Festival.objects.published()
        .filter(start_date__isnull=False)
        .with_published("host_country"),
        slug=slug,
    )
    calendar = _calendar(request)
    calendar.add_component(festival_event(request, festival))
    return _ics_response(calendar, f"{festival.slug}.ics")
