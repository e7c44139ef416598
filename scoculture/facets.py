"""Facet counts: how many results each choice of a filter would give.

Each facet costs one grouped query (`values().annotate(Count())`) over the list as filtered by
every *other* filter, so the numbers answer "what would I get if I picked this?" and the page's
query count does not grow with the number of choices.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.http import QueryDict


@dataclass(frozen=True)
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool
    query: str = ""  # "?..." that picks this choice (or drops it when selected), page reset


@dataclass(frozen=True)
class Facet:
    name: str  # the filter's GET parameter
    label: str
    choices: list[FacetChoice]

    @property
    def total(self):
        return sum(choice.count for choice in self.choices)


def count_values(queryset, path):
    """One grouped query: {value of `path`: number of rows}."""
    rows = queryset.order_by().values_list(path).annotate(n=Count("pk"))
    return Counter({value: n for value, n in rows if value is not None})


def count_related(queryset, name, path="slug"):
    """{`path` of the records that many-to-many field `name` links to: number of rows}.

    One grouped query of the field's through table, semi-joined with the rows: a (row, record)
    pair is there once, so no DISTINCT is needed. Joined from the rows and counted DISTINCT,
    every joined row was sorted (387 ms for the countries of 100,000 heritage sites; 148 ms).
    """
    field = queryset.model._meta.get_field(name)
    rows = queryset.order_by().filter(pk=OuterRef(field.m2m_field_name()))
    pairs = field.remote_field.through.objects.filter(Exists(rows))
    counts = pairs.values_list(f"{field.m2m_reverse_field_name()}__{path}").annotate(n=Count("pk"))
    return Counter(dict(counts))


def toggle_query(data, name, value, selected):
    """The query string that selects `value` for `name`, or drops it when already selected."""
    query = QueryDict(mutable=True)
    query.update(data)  # a request's QueryDict, or a plain dict from code
    query.pop("page", None)
    if selected:
        query.pop(name, None)
    else:
        query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def build_facet(name, label, choices, counts, selected=None, data=None):
    """Pairs a filter's (value, label) choices with their counts, in the choices' order.

    With `data` (the request's QueryDict) each choice also gets its toggle link.
    """
    selected = None if selected in (None, "") else str(selected)
    return Facet(
        name=name,
        label=str(label),
        choices=[
            FacetChoice(
                value=str(value),
                label=str(choice_label),
                count=counts.get(value, 0),
                selected=selected == str(value),
                query=toggle_query(data, name, str(value), selected == str(value))
                if data is not None
                else "",
            )
            for value, choice_label in choices
            if value not in ("", None)
        ],
    )
