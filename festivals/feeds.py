"""Festivals as calendar events: one festival's .ics file, and the event the site calendar uses."""

from django.shortcuts import get_object_or_404

from scoculture.calendars import all_day_event, ics_response, make_calendar

from .models import Festival


def festival_event(request, festival):
    parts = [festival.venue, festival.city]
    if festival.published_host_country:
        parts.append(festival.published_host_country.name)
    return all_day_event(
        request,
        uid=f"festival-{festival.pk}",
        summary=festival.title,
        start=festival.start_date,
        end=festival.end_date,
        url=festival.get_absolute_url(),
        description=festival.summary,
        location=", ".join(part for part in parts if part),
    )


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
