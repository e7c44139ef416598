"""{{ url|safe_url }}: an outside URL as an href only when it is http(s), else "";
{{ url|url_host }}: its host name."""

from urllib.parse import urlsplit

from django import template

from scoculture.links import web_url

register = template.Library()
register.filter("safe_url", web_url, is_safe=True)


@register.filter(is_safe=False)
def url_host(value):
    """'https://www.uwed.uz/en/' -> 'uwed.uz': where a link leads, for the visitor to read."""
    try:
        host = urlsplit(web_url(value)).hostname
    except ValueError:  # "https://[::1" and the like: no host to show
        return ""
    return (host or "").removeprefix("www.")
