"""iCalendar building blocks: the site's calendar, an all-day event, the .ics response."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def make_calendar(request, name=""):
    calendar = Calendar()
    calendar.add("prodid", "-//SCO Culture//scoculture//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(name) or _("SCO Culture: festivals and application deadlines"))
    return calendar


def all_day_event(request, *, uid, summary, start, end, url, description="", location=""):
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


def dated_event(request, item, *, uid, location=""):
    """The days a dated record (a festival, a programme) runs: its title, start to end date."""
    return all_day_event(
        request,
        uid=uid,
        summary=item.title,
        start=item.start_date,
        end=item.end_date,
        url=item.get_absolute_url(),
        description=item.summary,
        location=location,
    )


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
