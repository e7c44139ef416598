"""{% list_twins as twins %}: the RSS and iCalendar twins of the list page being shown,
carrying its filters (see scoculture.feeds)."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from scoculture.feeds import list_query, with_query

register = template.Library()

# (URL name suffix, media type, label): a list offers each twin its app names <base>_<suffix>.
TWINS = [
    ("feed", "application/rss+xml", _("RSS feed of these results")),
    ("calendar", "text/calendar", _("Calendar (.ics) of these results")),
]


@register.simple_tag(takes_context=True)
def list_twins(context):
    """[{url, type, label}] for programmes:programme_list?kind=x -> .../feed.rss?kind=x."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name or not match.url_name.endswith("_list"):
        return []
    base = match.url_name.removesuffix("_list")
    query = list_query(request)
    twins = []
    for suffix, media_type, label in TWINS:
        name = f"{base}_{suffix}"
        try:
            url = reverse(f"{match.namespace}:{name}" if match.namespace else name)
        except NoReverseMatch:
            continue
        twins.append({"url": with_query(url, query), "type": media_type, "label": label})
    return twins
