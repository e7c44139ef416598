from django import template

from scoculture.editorial import dashboard

register = template.Library()


@register.simple_tag
def editorial_dashboard(user):
    """The admin index's dashboard sections for `user` (scoculture.editorial.dashboard)."""
    return dashboard(user)
