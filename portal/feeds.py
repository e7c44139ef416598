"""The site calendar: upcoming festivals and the deadlines of programmes still open.

Every feed starts from `published()`, so a draft never reaches a subscriber.
"""

from django.utils import timezone

from festivals.feeds import festival_event
from festivals.models import Festival
from programmes.feeds import deadline_event
from programmes.models import Programme
from scoculture.calendars import ics_response, make_calendar
from scoculture.public_cache import cached_public

CALENDAR_SIZE = 500  # far more than a year of events; keeps the response bounded


# Calendar apps poll subscriptions; building hundreds of events takes a few hundred ms.
# Cached until the content changes (scoculture.public_cache), and 15 minutes at most: "upcoming"
# and "still open" move with the date.
@cached_public(15 * 60)
def calendar_feed(request):
    """Upcoming festivals and the deadlines of programmes still open, as one calendar."""
    today = timezone.localdate()
    calendar = make_calendar(request)
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
    return ics_response(calendar, "scoculture.ics")
