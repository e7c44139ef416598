"""What every public list's FilterSet shares.

The lists' FilterSets (each content app's filters.py) start from the model's
`published().for_listing()`, so a draft cannot leak through a filter, and they are strict: a
form with an error filters to nothing, and the form shows the error. The staff CSV exports
reuse the same FilterSets, so an export is exactly what the filtered page shows.
"""

import copy
import hashlib
from functools import partial

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, get_language

from scoculture.words import stem

from . import widgets
from .facets import build_facet
from .models import Country
from .pagination import newest_matches
from .public_cache import kept

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 8
# The years a start-year filter accepts: anything else is a form error, not a database error.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def translated_fields(*fields):
    """The columns to search for `fields`: the active language's, then English (the fallback)."""
    languages = dict.fromkeys([get_language(), "en"])
    return [build_localized_fieldname(field, lang) for field in fields for lang in languages]


class CopiedCheaply:
    """A filter that copies cheaply for each FilterSet.

    django-filter deep-copies a FilterSet's declared filters for each instance, so for each
    request: every lazy label and choice with them, some thousand calls on a list page. What
    a filter is declared with never changes; a FilterSet only sets its `extra` choices and
    its model and parent, and the field it makes from them. A shallow copy with its own
    `extra`, no field yet, and a method bound to the copy keeps those apart.
    """

    def __deepcopy__(self, memo):
        clone = copy.copy(self)
        clone.extra = dict(self.extra)
        clone.__dict__.pop("_field", None)
        if self.method is not None:
            clone.method = self.method  # a FilterMethod that calls the copy's parent
        return clone


class TextFilter(CopiedCheaply, django_filters.CharFilter):
    """Every word must appear in one of `fields` (translated fields in the visitor's language)."""

    def __init__(self, *, fields, translated=(), **kwargs):
        self.search_fields = tuple(fields)
        self.translated_search_fields = tuple(translated)
        kwargs.setdefault("label", _("Search"))
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("widget", widgets.TextInput)
        super().__init__(**kwargs)

    @staticmethod
    def terms(value):
        return (value or "").split()[:MAX_QUERY_TERMS]

    def filter(self, qs, value):
        terms = self.terms(value)
        if not terms:
            return qs
        columns = [*self.search_fields, *translated_fields(*self.translated_search_fields)]
        for term in terms:
            match = Q()
            for column in columns:
                # The stem (in the typed case: SQLite folds ASCII only), as the site search does.
                match |= Q(**{f"{column}__icontains": term[: len(stem(term))]})
            qs = qs.filter(match)
        return qs


class ChoiceFilter(CopiedCheaply, django_filters.ChoiceFilter):
    """A select whose empty option reads "Any"; an unknown value is a form error."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", _("Any"))
        kwargs.setdefault("widget", widgets.Select)
        super().__init__(*args, **kwargs)


SUGGESTIONS = 8  # suggestions a text box offers at a time


class SuggestInput(widgets.TextInput):
    """A text box that static/js/suggest.js turns into a combobox: it fetches suggestions
    ({slug, name}) from the API list `suggest_url` names, filtered by `?name=`, and submits
    the slug of the one picked. Without JavaScript it is a plain text box.

    `names` maps a value the field accepted to (slug, name, whether the name is unique).
    """

    def __init__(self, *, suggest_url, attrs=None):
        self.suggest_url = suggest_url
        self.names = {}
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def __deepcopy__(self, memo):
        copied = super().__deepcopy__(memo)
        copied.names = {}
        return copied

    @property
    def media(self):
        return forms.Media(js=[forms.Script("js/suggest.js", defer=True)])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        query = urlencode({"lang": get_language(), "page_size": SUGGESTIONS})
        widget["attrs"]["data-suggest-url"] = f"{reverse(self.suggest_url)}?{query}"
        widget["attrs"]["aria-describedby"] = f"{widget['attrs'].get('id', name)}-help"
        # What the script's live region says when the suggestions change (no plural forms:
        # the number stands apart, so one string serves every count in every language).
        widget["attrs"]["data-heard-count"] = _("Suggestions: %(count)s")
        widget["attrs"]["data-heard-none"] = _("No suggestions")
        chosen = self.names.get((value or "").strip())
        if chosen:
            slug, name, unique = chosen
            widget["attrs"].update({"data-slug": slug, "data-name": name})
            # A name that namesakes share would be sent back ambiguous: then the box shows
            # the slug, and the script, which sends the slug anyway, the name.
            widget["value"] = name if unique else slug
        return context


class PublishedRowField(forms.CharField):
    """The slug of one of `rows()` (published rows with a slug and a translated name).

    With FILTER_SELECT_MAX_CHOICES rows or fewer, a select of them (`choices`, from
    PublishedRowFilter.select_choices()). With more (`choices` is None), a SuggestInput that
    takes a slug, or the exact name in the visitor's language or in English, resolved by one
    query on indexed columns: the page never reads every row. A name that several rows share
    is an error naming their slugs.
    """

    default_error_messages = {
        "invalid_choice": forms.ChoiceField.default_error_messages["invalid_choice"],
        "unknown": _(
            "Nothing published matches “%(value)s”: pick one of the suggestions or type the "
            "full name as it is written."
        ),
        "ambiguous": _("Several match “%(value)s”; enter one of these instead: %(choices)s."),
    }
    MATCHES_SHOWN = 5

    def __init__(self, *, rows, suggest_url, choices=None, empty_label=None, **kwargs):
        kwargs.setdefault("max_length", 255)
        super().__init__(**kwargs)
        self.rows = rows
        self.choices = choices
        if choices is not None:
            self.widget = widgets.Select(choices=[("", empty_label or ""), *choices])
        else:
            self.widget = SuggestInput(suggest_url=suggest_url)
            self.help_text = _("Type the full name, or a few letters and pick a suggestion.")

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        if self.choices is not None:
            if value in dict(self.choices):
                return value
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        matches = list(
            self.rows()
            .filter(Q(slug=value) | named(value))
            .order_by("slug")
            .only("slug", "name")[: self.MATCHES_SHOWN]
        )
        exact = [row for row in matches if row.slug == value]
        if exact or len(matches) == 1:
            row = (exact or matches)[0]
            # Shown in the box, the name is sent back without JavaScript: found by its slug,
            # the row must be the only one so named for that to find it again.
            unique = (
                not exact or not self.rows().filter(named(row.name)).exclude(pk=row.pk).exists()
            )
            self.widget.names[value] = (row.slug, row.name, unique)
            return row.slug
        if not matches:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": value}
            )
        raise ValidationError(
            self.error_messages["ambiguous"],
            code="ambiguous",
            params={"value": value, "choices": ", ".join(row.slug for row in matches)},
        )


def named(name):
    """Rows whose name, in the active language or in English, is exactly `name` (indexed)."""
    match = Q()
    for column in translated_fields("name"):
        match |= Q(**{column: name})
    return match


class PublishedRowFilter(CopiedCheaply, django_filters.Filter):
    """Rows linked to one published row of a table that may be big (`?university=<slug>`):
    `rows` returns that table's published rows, `suggest_url` names its API list. The URL
    parameter is the slug whether the form shows a select or a text box (PublishedRowField).
    """

    field_class = PublishedRowField

    def __init__(self, *, rows, suggest_url, **kwargs):
        kwargs.setdefault("empty_label", _("Any"))
        super().__init__(rows=rows, suggest_url=suggest_url, **kwargs)

    def select_choices(self):
        """The rows as (slug, name) choices while they are few enough for a select, else None."""
        limit = settings.FILTER_SELECT_MAX_CHOICES
        # Slicing one past the limit tells "few" from "many" without counting every row.
        few = list(self.extra["rows"]().order_by().only("slug", "name")[: limit + 1])
        return named_choices(few) if len(few) <= limit else None


class CheckboxFilter(CopiedCheaply, django_filters.Filter):
    """A checkbox that narrows the list when ticked and does nothing when not.

    With `method` the method gets the queryset; without it, `field_name` must be True.
    """

    field_class = forms.BooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", widgets.CheckboxInput)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{self.field_name: True})


class DateFilter(CopiedCheaply, django_filters.DateFilter):
    """A date field rendered as the browser's date picker (ISO dates, as the URL carries)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", widgets.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(*args, **kwargs)


class YearFilter(CopiedCheaply, django_filters.NumberFilter):
    """A whole year within bounds: out-of-range or huge numbers are form errors."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", widgets.NumberInput)
        super().__init__(*args, **kwargs)


class SortFilter(CopiedCheaply, django_filters.ChoiceFilter):
    """`sort=<key>` picks one of `orderings`: {key: (label, order_by arguments)}."""

    def __init__(self, *, orderings, **kwargs):
        self.orderings = orderings
        kwargs.setdefault("label", _("Sort by"))
        kwargs.setdefault("empty_label", _("Default order"))
        kwargs.setdefault("widget", widgets.Select)
        kwargs["choices"] = [(key, label) for key, (label, _order) in orderings.items()]
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if value in self.orderings:
            return qs.order_by(*self.orderings[value][1])
        return qs


class PublicFilterSet(django_filters.FilterSet):
    """Base of the public lists' FilterSets.

    Subclasses set `facet_names` (the filters whose choices get counts) and implement
    `count_<name>(queryset)` for each, returning {choice value: count} from grouped queries.
    `database_choices()` returns {filter name: choices} for choices that live in the database;
    with the selects of the PublishedRowFilters, they are read once per content generation and
    language (`kept`), not on every request: a list's form names the same countries, languages
    and universities until one of them changes.
    """

    facet_names = ()
    # Filters that reorder but never narrow: facets ignore them.
    ordering_names = ("sort",)

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if queryset is None:
            queryset = self._meta.model.objects.published().for_listing()
        self.defaulted = set()  # filters set by default_data(), not by the visitor
        super().__init__(self.default_data(data), queryset, request=request, prefix=prefix)

    def get_form_class(self):
        # Only when the form is built: a feed or export without filters needs no choices.
        label, limit = self._meta.model._meta.label, settings.FILTER_SELECT_MAX_CHOICES
        key = f"choices:{label}:{get_language()}:{limit}"
        for name, choices in kept(key, self.form_choices).items():
            self.filters[name].extra["choices"] = choices
        form_class = super().get_form_class()
        form_class.base_fields = FieldsOfOneForm(form_class.base_fields)
        return form_class

    def database_choices(self):
        return {}

    def form_choices(self):
        """{filter name: choices} of every filter whose choices live in the database."""
        rows = {
            name: filter_.select_choices()
            for name, filter_ in self.filters.items()
            if isinstance(filter_, PublishedRowFilter)
        }
        return {**self.database_choices(), **rows}

    def default_data(self, data):
        """The GET parameters, with the list's defaults where the visitor chose nothing."""
        return data

    @property
    def qs(self):
        # Strict: a form with errors filters to nothing rather than to "whatever was valid".
        if not hasattr(self, "_qs"):
            if self.is_bound and not self.form.is_valid():
                self._qs = self.queryset.none()
            else:
                self._qs = super().qs
        return self._qs

    def facet_base_queryset(self):
        """The rows facets count: published, without the list's prefetches and annotations."""
        return self._meta.model.objects.published()

    def queryset_without(self, name):
        """The facet base filtered by every valid filter but `name` (and the ordering)."""
        qs = self.facet_base_queryset()
        cleaned = self.form.cleaned_data if self.is_bound else {}
        for filter_name, value in cleaned.items():
            if filter_name != name and filter_name not in self.ordering_names:
                qs = self.filters[filter_name].filter(qs, value)
        return qs

    @cached_property
    def searched(self):
        """Whether a text filter narrows the list by words (then the list shows, and its
        facets count, the newest matches only: scoculture.pagination.SEARCH_MAX_ROWS)."""
        if not self.is_bound or not self.form.is_valid():
            return False
        return any(
            TextFilter.terms(value)
            for name, value in self.form.cleaned_data.items()
            if isinstance(self.filters[name], TextFilter)
        )

    def count_facet(self, name):
        queryset = self.queryset_without(name)
        if self.searched:
            queryset = newest_matches(queryset)
        return getattr(self, f"count_{name}")(queryset)

    def narrowing_key(self, kind, leaving_out=None):
        """A cache key for figures of the rows the valid filters select, but `leaving_out`:
        they depend on the model and every narrowing filter's value, and are kept under that,
        per generation. Only words are matched in the visitor's language (a text filter reads
        its titles): other figures are counted once for every language."""
        cleaned = self.form.cleaned_data if self.is_bound else {}
        narrowing = sorted(
            (filter_name, key_part(value))
            for filter_name, value in cleaned.items()
            if filter_name != leaving_out
            and filter_name not in self.ordering_names
            and narrows(value)
        )
        language = get_language() if self.searched else None
        digest = hashlib.md5(repr([language, narrowing]).encode()).hexdigest()
        return f"{kind}:{self._meta.model._meta.label}:{digest}"

    def facet_key(self, name):
        """Facet `name`'s counts: the rows of every other filter."""
        return self.narrowing_key(f"facet:{name}", leaving_out=name)

    @cached_property
    def facets(self):
        """One Facet per name in `facet_names`; their counts also go into the form's options."""
        if self.is_bound and not self.form.is_valid():
            return []
        facets = []
        for name in self.facet_names:
            field = self.form.fields[name]
            choices = [(value, label) for value, label in field.choices if value != ""]
            counts = kept(self.facet_key(name), partial(self.count_facet, name))
            selected = self.form.cleaned_data.get(name) if self.is_bound else None
            facet = build_facet(name, field.label, choices, counts, selected, self.data)
            field.choices = [(c.value, f"{c.label} ({c.count})") for c in facet.choices]
            facets.append(facet)
        return facets

    @property
    def active(self):
        """True when at least one filter narrows the list (for a "clear filters" link)."""
        if not self.is_bound or not self.form.is_valid():
            return self.is_bound
        return any(
            narrows(value)
            for name, value in self.form.cleaned_data.items()
            if name not in self.ordering_names and name not in self.defaulted
        )


class FieldsOfOneForm(dict):
    """The fields of a form class that django-filter makes for one FilterSet, from fields its
    filters made for it: its one form need not deep-copy them, as Django's forms do with the
    fields of a class that many forms share (choices, widgets and lazy labels: some 400
    calls a list page)."""

    def __deepcopy__(self, memo):
        return dict(self)


def narrows(value):
    """Whether a filter's cleaned value narrows the list: an empty field or an unticked box
    (False: no filter here narrows to "not ticked") leaves it whole."""
    return value is not False and value not in (None, "", [], ())


def key_part(value):
    """A filter's cleaned value as a stable, comparable string: records by primary key."""
    if isinstance(value, Model):
        return f"{value._meta.label}:{value.pk}"
    if isinstance(value, (list, tuple, set, QuerySet)):
        return sorted(key_part(item) for item in value)
    return repr(value)


def named_choices(queryset):
    """(slug, name) pairs sorted by the name shown in the active language."""
    return sorted(((obj.slug, obj.name) for obj in queryset), key=lambda pair: pair[1].casefold())


def country_choices():
    return named_choices(Country.objects.published().only("slug", "name"))


def hosted_country_filter():
    """The country filter of rows with a host and guest countries (a HostedQuerySet)."""
    return ChoiceFilter(label=_("Country"), method="filter_country", empty_label=_("Any country"))


def partner_country_filter():
    """A second country for rows with a host and guests: both countries must take part, as
    host or guest (the cooperation explorer's counts link to the lists with it)."""
    return ChoiceFilter(
        label=_("Together with"), method="filter_country", empty_label=_("Any country")
    )


def start_year_filter():
    """The year a row starts in."""
    return YearFilter(
        label=_("Starting in (year)"),
        field_name="start_date",
        lookup_expr="year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
    )


class HostedFilterMixin:
    """Filter and facet by country, host and guests alike, through Exists subqueries, so a
    row never shows twice and pagination counts stay cheap."""

    def filter_country(self, queryset, name, value):
        return queryset.involving_country(value)

    def count_country(self, queryset):
        return queryset.country_counts()
