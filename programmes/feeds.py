"""Subscriptions to programmes: an RSS feed of new ones, and their deadlines as calendar events.

Every feed starts from `published()`, so a draft never reaches a subscriber.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from scoculture.calendars import all_day_event

from .models import Programme

FEED_SIZE = 30


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
