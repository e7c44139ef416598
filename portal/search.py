"""One search box across programmes, festivals, universities and heritage sites.

On PostgreSQL: full-text search over every language column (English, Russian, Chinese), the
title weighted above the rest, ranked, with GIN indexes on the same expressions (migrations
`programmes.0003_search_indexes` and `heritage.0002_search_index`). The `simple` text search
configuration is used because the content is in three languages and no one stemmer fits all;
words match by prefix ("samark" finds Samarkand). Chinese is written without spaces, so a query
with Chinese characters matches by containment instead. On SQLite: containment (development
only).

This module spans apps, so it lives in `programmes`, the app allowed to import the others.
"""

import re
from dataclasses import dataclass

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from festivals.models import Festival
from heritage.models import HeritageSite
from programmes.models import Programme
from universities.models import University

SEARCH_CONFIG = "simple"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
RESULTS_PER_KIND = 20
RANK_CANDIDATES = 1000
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def localized_columns(*fields):
    """title -> title_en, title_ru, title_zh_hans"""
    return [
        build_localized_fieldname(field, language)
        for field in fields
        for language in AVAILABLE_LANGUAGES
    ]


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str
    model: type
    list_url_name: str  # the kind's list page, which filters by the same `q`
    title_field: str
    text_fields: tuple
    related: tuple = ()

    def vector(self):
        """The document: must stay the same expression as the GIN index in the migrations."""
        return SearchVector(
            *localized_columns(self.title_field), weight="A", config=SEARCH_CONFIG
        ) + SearchVector(*localized_columns(*self.text_fields), weight="B", config=SEARCH_CONFIG)

    def queryset(self):
        return self.model.objects.published().with_published(*self.related)


KINDS = (
    SearchKind(
        key="programmes",
        label=_("Programmes"),
        model=Programme,
        list_url_name="programmes:programme_list",
        title_field="title",
        text_fields=("summary", "organiser"),
        related=("host_country",),
    ),
    SearchKind(
        key="festivals",
        label=_("Festivals and events"),
        model=Festival,
        list_url_name="festivals:festival_list",
        title_field="title",
        text_fields=("summary", "city", "venue"),
        related=("host_country",),
    ),
    SearchKind(
        key="universities",
        label=_("Universities"),
        model=University,
        list_url_name="universities:university_list",
        title_field="name",
        text_fields=("city", "description"),
        related=("country",),
    ),
    SearchKind(
        key="sites",
        label=_("Heritage sites"),
        model=HeritageSite,
        list_url_name="heritage:site_list",
        title_field="name",
        text_fields=("summary", "region"),
    ),
)


def prefix_tsquery(text):
    """'Silk  road!' -> 'silk:* & road:*', or '' when no word is left.

    Only word characters reach the raw tsquery syntax, so no input can make it invalid.
    """
    terms = [term.replace("_", "") for term in re.findall(r"\w+", text.lower())[:MAX_TERMS]]
    return " & ".join(f"{term}:*" for term in terms if term)


def prefix_query(text):
    raw = prefix_tsquery(text)
    return SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG) if raw else None


def _containment(columns, text):
    condition = Q()
    for column in columns:
        condition |= Q(**{f"{column}__icontains": text})
    return condition


def search_kind(kind, text):
    """Up to RESULTS_PER_KIND + 1 published matches of one kind, best first."""
    queryset = kind.queryset()
    if connection.vendor == "postgresql":
        query = prefix_query(text)
        if query is None:
            return []
        vector = kind.vector()
        if CJK.search(text):
            # The parser keeps a run of Chinese characters as one token, so words inside it
            # can't match: Chinese queries search by containment (a scan, but no tsvector).
            condition = _containment(localized_columns(kind.title_field, *kind.text_fields), text)
        else:
            condition = Q(document=query)
        # Matching goes through the GIN index; ranking recomputes each row's document, so it
        # runs on the newest RANK_CANDIDATES matches only: a query of common words stays fast.
        candidates = (
            kind.model.objects.published()
            .alias(document=vector)
            .filter(condition)
            .order_by("-published_at")
            .values("pk")[:RANK_CANDIDATES]
        )
        queryset = (
            queryset.filter(pk__in=candidates)
            .annotate(rank=SearchRank(vector, query))
            .order_by("-rank", kind.title_field, "pk")
        )
    else:
        # SQLite's LIKE folds the case of ASCII letters only: try the usual casings of the
        # rest (Cyrillic) explicitly, so "бухара" finds "Бухара".
        columns = localized_columns(kind.title_field, *kind.text_fields)
        condition = Q()
        for variant in {text, text.lower(), text.capitalize(), text.upper()}:
            condition |= _containment(columns, variant)
        queryset = queryset.filter(condition).order_by(kind.title_field, "pk")
    return list(queryset[: RESULTS_PER_KIND + 1])


def search(text):
    """[(kind, results, more)] for every kind, results capped at RESULTS_PER_KIND."""
    groups = []
    for kind in KINDS:
        results = search_kind(kind, text)
        groups.append((kind, results[:RESULTS_PER_KIND], len(results) > RESULTS_PER_KIND))
    return groups


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LENGTH, required=False)


class SearchView(TemplateView):
    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        groups = search(query) if query else []
        context.update(
            form=form,
            query=query,
            groups=groups,
            total=sum(len(results) for kind, results, more in groups),
        )
        return context
