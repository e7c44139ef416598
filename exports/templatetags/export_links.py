"""{% export_url %}: the CSV export of the list page being shown, with its filters."""

from django import template
from django.urls import NoReverseMatch, reverse

from scoculture.feeds import list_query, with_query

register = template.Library()


@register.simple_tag(takes_context=True)
def export_url(context):
    """programmes:programme_list?kind=x -> /en/programmes/export.csv?kind=x ("" if none)."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name or not match.url_name.endswith("_list"):
        return ""
    name = match.url_name.removesuffix("_list") + "_export"
    try:
        url = reverse(f"{match.namespace}:{name}" if match.namespace else name)
    except NoReverseMatch:
        return ""
    return with_query(url, list_query(request))
