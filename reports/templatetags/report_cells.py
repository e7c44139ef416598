"""{{ cell|is_number }}: whether a report cell is a count or an amount (set right-aligned)."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def is_number(value):
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)
