"""The changelists' date drill-down, its periods read from the index (scoculture.admin_dates)."""

from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

from scoculture.admin_dates import indexed_date_hierarchy

register = template.Library()


@register.tag(name="indexed_date_hierarchy")
def indexed_date_hierarchy_tag(parser, token):
    # Django's template, overridable per app and model as Django's tag's is.
    return InclusionAdminNode(
        parser,
        token,
        func=indexed_date_hierarchy,
        template_name="date_hierarchy.html",
        takes_context=False,
    )
