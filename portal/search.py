"""One search box across programmes, festivals, universities, heritage sites and routes.

On PostgreSQL: full-text search over every language column (English, Russian, Chinese), the
title weighted above the rest, ranked. Each row's document is stored with it, a generated
column with a GIN index (`StoreSearchDocument` in each kind's migrations), so that neither
finding the newest matches nor ranking them computes a document per row. The
`simple` text search configuration is used because the content is in three languages and no one
stemmer fits all; words match by prefix ("samark" finds Samarkand). Chinese is written without
spaces, so a query with Chinese characters matches by containment instead. On SQLite the same
word-prefix match runs as a regular expression (development only), so both backends find the
same rows.

Each query word is lightly stemmed first (`scoculture.words`: "Roads" -> "road", "Бухары" ->
"бухар"); a word with an Uzbek case ending also matches its base as a whole word ("Samarqandda"
finds the alternate name "Samarqand"). A word may also name a kind or funding choice, in any of
the three languages, as the catalogues label it ("exchange", "стипендия", "奖学金"), or as
visitors say it: a scholarship or grant ("грант", "奖学金") is full or partial funding. When the
words find nothing of a kind, PostgreSQL tries trigram similarity of the names and titles, for
typos ("Samarkant").

This module spans apps, so it lives in `portal`, the app allowed to import the others.
"""

import functools
import re
from dataclasses import dataclass

from django import forms
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Expression, Q
from django.db.models.expressions import Col
from django.db.models.functions import Greatest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from festivals.models import Festival
from heritage.models import HeritageSite
from programmes.models import Programme
from routes.models import Route
from scoculture.operations import SEARCH_DOCUMENT_COLUMN, SEARCH_LANGUAGES, search_document
from scoculture.words import stem, uzbek_base
from universities.models import University

SEARCH_CONFIG = "simple"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
RESULTS_PER_KIND = 20
RANK_CANDIDATES = 1000
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
MIN_CHOICE_WORD = 4  # "or" in "Summer school or camp" must not find every summer school
TRIGRAM_MIN = 0.5  # word_similarity: "samarkant" 0.8, "bukhra" 0.57; "samrakand" 0.43 misses
# Words for a choice that its label doesn't spell: money from someone else, in any language.
FUNDED = "scholarship grant stipend стипендия грант 奖学金 助学金"
CHOICE_WORDS = {(Programme, "funding"): {"full": FUNDED, "partial": FUNDED}}


def localized_columns(*fields):
    """title -> title_en, title_ru, title_zh_hans"""
    return [
        build_localized_fieldname(field, language)
        for field in fields
        for language in AVAILABLE_LANGUAGES
    ]


STORED_DOCUMENT = SearchVectorField()
STORED_DOCUMENT.set_attributes_from_name(SEARCH_DOCUMENT_COLUMN)


class StoredDocument(Expression):
    """A row's search document as PostgreSQL stores it (a generated column that the models
    don't declare): read from the row, not computed from its text."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, *args, **kwargs):
        return Col(query.get_initial_alias(), STORED_DOCUMENT)


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str
    model: type
    list_url_name: str  # the kind's list page, which filters by the same `q`
    title_field: str
    text_fields: tuple
    related: tuple = ()
    plain_titles: tuple = ()  # untranslated name fields, weighted as titles
    choice_fields: tuple = ()  # choices whose labels a query word may name

    def vector(self):
        """The document: the expression the migrations store (StoredDocument reads it)."""
        return search_document((self.title_field,), self.text_fields, self.plain_titles)

    def title_columns(self):
        return [*localized_columns(self.title_field), *self.plain_titles]

    def columns(self):
        return [*self.title_columns(), *localized_columns(*self.text_fields)]

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
        choice_fields=("kind", "funding"),
    ),
    SearchKind(
        key="festivals",
        label=_("Festivals and events"),
        model=Festival,
        list_url_name="festivals:festival_list",
        title_field="title",
        text_fields=("summary", "city", "venue"),
        related=("host_country",),
        choice_fields=("kind",),
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
        plain_titles=("alternate_names",),
    ),
    SearchKind(
        key="routes",
        label=_("Routes"),
        model=Route,
        list_url_name="routes:route_list",
        title_field="title",
        text_fields=("summary",),  # what the route list's own `q` reads too
        choice_fields=("theme",),
    ),
)


def terms(text):
    """The query's words as typed, lower case: 'Silk  Roads!' -> ['silk', 'roads'].

    Only word characters are kept, so no input can make a tsquery or a regex invalid.
    """
    found = [term.replace("_", "") for term in re.findall(r"\w+", text.lower())[:MAX_TERMS]]
    return [term for term in found if term]


def words(text):
    """The query's words, stemmed: 'Silk  Roads!' -> ['silk', 'road']."""
    return [stem(term) for term in terms(text)]


def prefix_tsquery(text, operator="&"):
    """'Silk  Roads!' -> 'silk:* & road:*', or '' when no word is left."""
    return f" {operator} ".join(f"{word}:*" for word in words(text))


def prefix_query(text, operator="&"):
    raw = prefix_tsquery(text, operator)
    return SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG) if raw else None


def _containment(columns, text):
    condition = Q()
    for column in columns:
        condition |= Q(**{f"{column}__icontains": text})
    return condition


def _word_match(columns, word, whole=False):
    """A word of some column starts with `word` (or, `whole`, is `word`): the tsquery `word:*`
    (`word`) on PostgreSQL; on SQLite a regular expression (Python's, so Cyrillic case folds
    too)."""
    if connection.vendor == "postgresql":
        raw = word if whole else f"{word}:*"
        return Q(document=SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG))
    end = r"\b" if whole else ""
    condition = Q()
    for column in columns:
        condition |= Q(**{f"{column}__iregex": rf"\b{re.escape(word)}{end}"})
    return condition


@functools.cache
def choice_labels(model, field):
    """{value: [label in en, ru, zh-hans, other words]}, lower case, as the catalogues translate
    them (read once per process: the catalogues are compiled files), and CHOICE_WORDS."""
    choices = model._meta.get_field(field).choices
    labels = {value: [] for value, label in choices}
    for language in SEARCH_LANGUAGES:
        with translation.override(language.replace("_", "-")):
            for value, label in choices:
                labels[value].append(str(label).lower())
    for value, other_words in CHOICE_WORDS.get((model, field), {}).items():
        labels[value].append(other_words)
    return labels


def _names_choice(word, label):
    if CJK.search(word):
        return len(word) >= 2 and word in label
    return len(word) >= MIN_CHOICE_WORD and any(
        part.startswith(word) for part in re.findall(r"\w+", label)
    )


def _choice_match(kind, word):
    """Rows whose kind or funding choice is labelled with `word`, in any language."""
    condition = Q()
    for field in kind.choice_fields:
        values = [
            value
            for value, labels in choice_labels(kind.model, field).items()
            if any(_names_choice(word, label) for label in labels)
        ]
        if values:
            condition |= Q(**{f"{field}__in": values})
    return condition


def text_condition(kind, text):
    """Every word matches a column by prefix, or names a choice; Chinese text (written without
    spaces, so the parser can't split it) by containment of the whole query."""
    columns = kind.columns()
    if CJK.search(text):
        return _containment(columns, text) | _choice_match(kind, text.strip())
    condition = Q()
    for term in terms(text):
        word = stem(term)
        match = _word_match(columns, word) | _choice_match(kind, word)
        if base := uzbek_base(term):  # "samarqandda": "samarqand", as a whole word only
            match |= _word_match(columns, base, whole=True)
        condition &= match
    return condition


def _similar_names(kind, text):
    """PostgreSQL: the rows whose name or title is closest to `text`, for a typo."""
    similarity = Greatest(*[TrigramWordSimilarity(text, column) for column in kind.title_columns()])
    return (
        kind.queryset()
        .annotate(similarity=similarity)
        .filter(similarity__gte=TRIGRAM_MIN)
        .order_by("-similarity", kind.title_field, "pk")
    )


def search_kind(kind, text):
    """Up to RESULTS_PER_KIND + 1 published matches of one kind, best first."""
    if not words(text) and not CJK.search(text):
        return []
    condition = text_condition(kind, text)
    queryset = kind.queryset()
    if connection.vendor == "postgresql":
        # Matching goes through the GIN index; ranking reads each row's document, so it runs
        # on the newest RANK_CANDIDATES matches only: a query of common words stays fast.
        candidates = (
            kind.model.objects.published()
            .alias(document=StoredDocument())
            .filter(condition)
            .order_by("-published_at")
            .values("pk")[:RANK_CANDIDATES]
        )
        queryset = (
            queryset.filter(pk__in=candidates)
            .annotate(rank=SearchRank(StoredDocument(), prefix_query(text, "|")))
            .order_by("-rank", kind.title_field, "pk")
        )
        results = list(queryset[: RESULTS_PER_KIND + 1])
        if not results and not CJK.search(text):
            # One more query, only when the words found nothing.
            results = list(_similar_names(kind, text)[: RESULTS_PER_KIND + 1])
        return results
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
