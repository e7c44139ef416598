"""{{ url|safe_url }}: an outside URL as an href only when it is http(s), else ""."""

from django import template

from scoculture.links import web_url

register = template.Library()
register.filter("safe_url", web_url, is_safe=True)
