"""Dates as each language writes them, one style per language, from CLDR (Babel).

Django's `date` filter takes one format string for every language, which gives "三月 2027" in
Chinese; CLDR's skeletons give each language its own order and words ("2027年3月",
"март 2027 г.", "Mar 2027"), and its interval formats collapse a range within one month or
one year ("10–15 June", "2027年6月10日至15日").
"""

import datetime

from babel.dates import format_interval, format_skeleton
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()

DAY = "yMMMd"
MONTH = "yMMM"


def _locale():
    return to_locale(get_language() or "en")


@register.filter
def day(value):
    """A date, e.g. "Jun 10, 2027", "10 июн. 2027 г.", "2027年6月10日"; "" for none."""
    if not isinstance(value, datetime.date):
        return ""
    return format_skeleton(DAY, value, locale=_locale())


@register.filter
def day_span(start, end=None):
    """From `start` to `end` (days), collapsed where they share a month or a year."""
    return _span(start, end, DAY)


@register.filter
def month_span(start, end=None):
    """From `start` to `end` by month ("Sep 2027 – Jun 2028"), one month once."""
    return _span(start, end, MONTH)


def _span(start, end, skeleton):
    if not isinstance(start, datetime.date):
        return ""
    if not isinstance(end, datetime.date) or end <= start:
        return format_skeleton(skeleton, start, locale=_locale())
    return format_interval(start, end, skeleton, locale=_locale())
