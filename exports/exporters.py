"""CSV exports: the exporter shape every export follows, and the one writer that streams them.

After pretix's ``ListExporter``: an exporter has an identifier, a verbose name, a file name and
a generator that yields the header row, then the data rows, as plain Python values. The shared
writer (``iter_csv``) turns those into an Excel-friendly, formula-safe CSV: UTF-8 with a BOM,
RFC 4180 quoting, ISO 8601 dates, many-to-many values joined by "; ", and a last line
``# end of export,N`` (N data rows) written only after the last row, so that a download cut
short, by a timeout or an error, is recognisably incomplete. A related column names only
published records, whatever the export's own ``status``.

``ListExporter`` declares its columns as ORM paths (``"host_country__name"``,
``"partner_countries__name"``) and reads its queryset with ``values_list()`` through a
database cursor, ``chunk_size`` rows at a time, fetching each many-to-many column with one
query per chunk. The number of queries grows with the number of chunks, never with the rows
of a chunk, and memory stays flat however long the export. Translated fields follow the
language that was active when the exporter was made (English fills the gaps), choices show
their labels.

Apps register their exporters here (``@register``); this module imports no app: the registry
finds each installed app's ``exports`` module the way the admin finds ``admin`` modules.
"""

from __future__ import annotations

import csv
import datetime
import io
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import islice
from operator import itemgetter

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import BooleanField, Case, F, Q, When
from django.db.models.expressions import RawSQL
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

EXPORT_PERMISSION = "scoculture.export_data"
MANY_SEPARATOR = "; "
# OWASP "CSV Injection": what a spreadsheet may read as the start of a formula.
FORMULA_PREFIXES = frozenset("=+-@\t\r\n\0")
# Spreadsheets skip leading spaces and invisible characters (NBSP, zero-width space, BOM) and
# read fullwidth or small "＝＋－＠" as formula signs: these categories are looked through,
# and what follows is compared after NFKC folding.
INVISIBLE_CATEGORIES = frozenset(("Zs", "Zl", "Zp", "Cc", "Cf"))
STATUSES = ("published", "draft", "all")
# The first cell of the last row; the second is the number of data rows. "#" starts no formula,
# the count is a number cell, and the text is fixed (not translated) for scripts to check.
TRAILER = "# end of export"


def can_export(user) -> bool:
    return user.has_perm(EXPORT_PERMISSION)


# --- cells -------------------------------------------------------------------------------


def looks_like_formula(text: str) -> bool:
    """Whether non-empty text whose first character is not in FORMULA_PREFIXES still starts
    a formula: a look-alike sign, perhaps behind spaces or invisible characters."""
    for char in text:
        if char.isalnum():  # most cells: a letter or digit starts no formula
            return False
        if unicodedata.category(char) not in INVISIBLE_CATEGORIES:
            return unicodedata.normalize("NFKC", char)[:1] in FORMULA_PREFIXES
    return False


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula; leave the rest."""
    if text and (text[0] in FORMULA_PREFIXES or looks_like_formula(text)):
        return "'" + text
    return text


def format_cell(value):
    """One Python value as a CSV cell. Real numbers stay numbers (``-3`` is not a formula)."""
    kind = type(value)
    if kind is str:
        return neutralise(value)
    if value is None:
        return ""
    if kind is bool:
        return gettext("yes") if value else gettext("no")
    if kind is int or kind is float or kind is Decimal:
        return value
    if kind is datetime.datetime:
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if kind is datetime.date:
        return value.isoformat()
    if isinstance(value, list | tuple):
        return neutralise(MANY_SEPARATOR.join(str(item) for item in value))
    return neutralise(str(value))


def format_row(row, tz=None):
    """format_cell() over a row; the common cases inline, as a million-row export feels it
    (the formula rule stays in neutralise() alone)."""
    return [
        neutralise(value)
        if (kind := type(value)) is str
        else value
        if kind is int
        else ""
        if value is None
        else value.isoformat()
        if kind is datetime.date
        else value.astimezone(tz).isoformat(timespec="seconds")
        if kind is datetime.datetime and tz and value.tzinfo
        else format_cell(value)
        for value in row
    ]


# --- exporters ---------------------------------------------------------------------------


class Exporter:
    """The shape of every export: override ``header()`` and ``iter_data()``."""

    identifier: str = ""
    verbose_name = ""
    description = ""

    def __init__(self):
        # The export may be streamed after the view returned: keep the request's language.
        self.language = translation.get_language()

    def get_filename(self, today: datetime.date | None = None) -> str:
        today = today or timezone.localdate()
        return f"{self.identifier}-{today.isoformat()}.csv"

    def header(self) -> list:
        raise NotImplementedError

    def iter_data(self) -> Iterator[list]:
        raise NotImplementedError

    def iter_rows(self) -> Iterator[list]:
        """The header row, then one row per record."""
        with translation.override(self.language):
            yield [str(title) for title in self.header()]
            yield from self.iter_data()


class Column:
    """One column of a ``ListExporter``: an ORM path and, optionally, a header."""

    def __init__(self, path: str, header=None):
        self.path = path
        self.header = header


# What every content export ends with: its publication state and address.
PUBLISHING_COLUMNS = [
    Column("status", _("Status")),
    Column("published_at", _("Published at")),
    Column("slug", _("Slug")),
]


# What every export of a kind with coordinates (scoculture.models.Located) carries: the point
# in degrees (WGS 84), empty when unknown.
COORDINATE_COLUMNS = [
    Column("latitude", _("Latitude")),
    Column("longitude", _("Longitude")),
]


class _Plan:
    """How a ListExporter's columns turn into one values_list() and per-chunk M2M queries."""

    def __init__(self, model, columns: list[Column]):
        self.selects: list[str] = []  # lookups of the main values_list(), after the pk
        # One per column: a position in the row, or a function (row, many) -> value.
        self.getters: list[int | Callable] = []
        self.many: dict[str, tuple] = {}  # m2m name -> (field, lookups, chooser)
        self.headers = []
        for column in columns:
            self._add(model, column)

    def _select(self, lookups: list[str]) -> list[int]:
        positions = []
        for lookup in lookups:
            if lookup not in self.selects:
                self.selects.append(lookup)
            positions.append(self.selects.index(lookup) + 1)  # 0 is the pk
        return positions

    def _add(self, model, column: Column):
        parts = column.path.split("__")
        prefix, m2m = [], None
        visible = []  # conditions under which a foreign key's record may be named
        for part in parts[:-1]:
            field = model._meta.get_field(part)
            if field.many_to_many:
                if m2m is not None or prefix or field.auto_created:
                    raise ValueError(f"{column.path}: one forward many-to-many, first in path")
                m2m = field
            else:
                prefix.append(part)
                visible += _published_only(field.related_model, "__".join(prefix))
            model = field.related_model
        field = model._meta.get_field(parts[-1])
        if column.header is not None:
            self.headers.append(column.header)
        else:
            self.headers.append(str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:])
        lookups = ["__".join([*prefix, name]) for name in _localised_names(model, field.name)]
        if visible and m2m is None:  # a draft host country: an empty cell, as on the pages
            lookups = [Case(When(Q(*visible), then=F(lookup))) for lookup in lookups]
        chooser = _chooser(field, len(lookups))
        if m2m is None:
            positions = self._select(lookups)
            if len(positions) == 1 and not field.choices:
                self.getters.append(positions[0])  # the value as it comes: no call per row
            elif len(positions) == 1:
                labels = {value: str(label) for value, label in field.flatchoices}
                self.getters.append(
                    lambda row, many, get=labels.get, p=positions[0]: get(row[p], row[p])
                )
            else:
                self.getters.append(
                    lambda row, many, c=chooser, ps=positions: c(*(row[p] for p in ps))
                )
        else:
            key = f"{m2m.name}:{column.path}"
            self.many[key] = (m2m, lookups, chooser)
            self.getters.append(lambda row, many, k=key: many[k].get(row[0], ""))


def _localised_names(model, name: str) -> list[str]:
    """["title_ru", "title_en"] for a translated field in Russian, else [name]."""
    from modeltranslation.translator import NotRegistered, translator
    from modeltranslation.utils import build_localized_fieldname, resolution_order

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return [name]
    if name not in options.all_fields:
        return [name]
    languages = resolution_order(
        translation.get_language() or "en", getattr(model, name).fallback_languages
    )
    return [build_localized_fieldname(name, language) for language in languages]


def _chooser(field, width: int) -> Callable:
    """First non-empty of the localised values; a choice's label instead of its value."""
    labels = {value: str(label) for value, label in field.flatchoices} if field.choices else None
    if width == 1:
        if labels is None:
            return lambda value: value
        return lambda value: labels.get(value, value)

    def first(*values):
        for value in values:
            if value not in (None, ""):
                return labels.get(value, value) if labels else value
        return values[0]

    return first


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _in_list(column: str, values: list, db_type: str = "") -> tuple[str, list]:
    """SQL for "column is one of values", cheap to build for thousands of values.

    Django's "__in" prepares the values one by one, and psycopg parses a query with thousands
    of placeholders slowly: PostgreSQL gets one array parameter, other databases a plain list.
    """
    if connection.vendor == "postgresql" and db_type and all(type(v) is int for v in values):
        # One text parameter cast to an array: psycopg adapts a list of ints item by item.
        return f"{column} = ANY(%s::{db_type}[])", ["{" + ",".join(map(str, values)) + "}"]
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [list(values)]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def _published_only(model, target: str) -> list:
    """The filter that keeps a related column to published rows of ``model``.

    Whatever ``status`` the export asks for, a related column lists only what the public may
    see, so a published export never names a draft or scheduled university, site or country.
    The rule is ``published()`` itself, evaluated as each chunk is read.
    """
    queryset = model._default_manager.all()
    if not hasattr(queryset, "published"):  # vocabularies: always public
        return []
    return [Q(**{f"{target}__in": queryset.published().values("pk")})]


def _manager(model):
    queryset = model._default_manager.all()
    # modeltranslation would rewrite our already-localised names and add a slow iterable.
    return queryset.rewrite(False) if hasattr(queryset, "rewrite") else queryset


class ListExporter(Exporter):
    """Exports one row per record of a queryset; subclasses declare ``model`` and ``columns``.

    ``filterset_class`` (a public list's FilterSet) lets the views and the ``export_csv``
    command select exactly the rows that the list page shows for the same parameters.

    The rows come from one cursor (server-side on PostgreSQL) read ``chunk_size`` at a time,
    rather than keyset pages by primary key, so that the export keeps the list's own order
    (``sort=deadline``...) and sees one consistent snapshot.
    """

    model = None
    columns: list[Column] = []
    filterset_class = None
    chunk_size = 2000

    def __init__(self, queryset=None):
        super().__init__()
        self.queryset = queryset if queryset is not None else self.get_queryset()

    @classmethod
    def base_queryset(cls, status: str = "published"):
        """What the public list starts from (``status=published``), or drafts, or everything."""
        if status not in STATUSES:
            raise ValidationError(
                _("Unknown status %(status)s: use published, draft or all."),
                params={"status": status},
            )
        queryset = cls.model._default_manager.all()
        if not hasattr(queryset, "published"):  # vocabularies: always public
            return queryset
        if status == "published":
            queryset = queryset.published()
        elif status == "draft":
            queryset = queryset.drafts()
        return queryset.for_listing() if hasattr(queryset, "for_listing") else queryset

    @classmethod
    def from_params(cls, params, *, status: str = "published", request=None) -> ListExporter:
        """The exporter for a list page's GET parameters; ValidationError if they are wrong."""
        queryset = cls.base_queryset(status)
        if cls.filterset_class is not None:
            filterset = cls.filterset_class(params, queryset=queryset, request=request)
            if not filterset.is_valid():
                raise ValidationError(
                    "; ".join(
                        f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()
                    )
                )
            queryset = filterset.qs
        return cls(queryset=queryset)

    def get_queryset(self):
        return self.base_queryset("published")

    def header(self):
        return _Plan(self.model, self.columns).headers

    def iter_data(self) -> Iterator[list]:
        plan = _Plan(self.model, self.columns)
        queryset = self.queryset.prefetch_related(None)
        if hasattr(queryset, "rewrite"):
            queryset = queryset.rewrite(False)
        cursor = queryset.values_list("pk", *plan.selects).iterator(chunk_size=self.chunk_size)
        # Plain columns are picked in one C call; the others are filled in after.
        pick = itemgetter(*(g if isinstance(g, int) else 0 for g in plan.getters))
        fixes = [(i, g) for i, g in enumerate(plan.getters) if not isinstance(g, int)]
        while chunk := list(islice(cursor, self.chunk_size)):
            many = self._fetch_many(plan, [row[0] for row in chunk])
            for row in chunk:
                values = list(pick(row))
                for index, get in fixes:
                    values[index] = get(row, many)
                yield values

    def _fetch_many(self, plan: _Plan, pks: list) -> dict:
        """{column key: {pk: "A; B"}}: one query per many-to-many column."""
        many = {}
        for key, (field, lookups, chooser) in plan.many.items():
            through = field.remote_field.through
            table = through._meta.db_table
            column = field.m2m_column_name()
            db_type = field.model._meta.pk.rel_db_type(connection)
            in_chunk = RawSQL(
                *_in_list(f"{quote(table)}.{quote(column)}", pks, db_type), BooleanField()
            )
            target = field.m2m_reverse_field_name()
            rows = _manager(through).filter(in_chunk, *_published_only(field.related_model, target))
            rows = rows.order_by().values_list(
                column, *(f"{target}__{lookup}" for lookup in lookups)
            )
            values = defaultdict(list)
            for pk, *names in rows:
                values[pk].append(str(chooser(*names)))
            many[key] = {
                pk: MANY_SEPARATOR.join(sorted(items, key=str.casefold))
                for pk, items in values.items()
            }
        return many

    def count(self) -> int:
        return self.queryset.count()


# --- the registry ------------------------------------------------------------------------

_registry: dict[str, type[Exporter]] = {}
_discovered = False


def register(exporter_class: type[Exporter]) -> type[Exporter]:
    """Class decorator: make an exporter available to the admin and to ``export_csv``."""
    _registry[exporter_class.identifier] = exporter_class
    return exporter_class


def exporters() -> dict[str, type[Exporter]]:
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("exports")
    return dict(sorted(_registry.items()))


def exporter_for_model(model) -> type[ListExporter] | None:
    """The registered list exporter of a model (the first, by identifier)."""
    for exporter_class in exporters().values():
        if getattr(exporter_class, "model", None) is model:
            return exporter_class
    return None


# --- the writer --------------------------------------------------------------------------


def iter_csv(exporter: Exporter, rows: Iterable[list] | None = None, buffer_size=64 * 1024):
    """Encoded CSV in pieces: the BOM and header at once (first byte fast), then ~64 KB,
    then the trailer row."""
    rows = iter(exporter.iter_rows() if rows is None else rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    write = writer.writerow
    with translation.override(exporter.language):
        tz = timezone.get_current_timezone()
        header = next(rows)
        buffer.write("\ufeff")
        write(format_row(header))
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
        count = 0
        for count, row in enumerate(rows, 1):  # noqa: B007 (the count is read after)
            write(format_row(row, tz))
            if buffer.tell() >= buffer_size:
                yield buffer.getvalue().encode("utf-8")
                buffer.seek(0)
                buffer.truncate()
        # Only reached when every row was written: an error above ends the file without it.
        write([TRAILER, count])
        yield buffer.getvalue().encode("utf-8")


def csv_response(exporter: Exporter) -> StreamingHttpResponse:
    response = StreamingHttpResponse(iter_csv(exporter), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=exporter.get_filename()
    )
    response["Cache-Control"] = "private, no-store"
    return response


class ExportPermissionMixin(PermissionRequiredMixin):
    """Anonymous visitors go to the login page; signed-in users without the permission: 403."""

    permission_required = EXPORT_PERMISSION


class FilteredExportView(ExportPermissionMixin, View):
    """The CSV of a public list: same FilterSet, same GET parameters, plus ``status``."""

    exporter_class: type[ListExporter] = None

    def get(self, request, *args, **kwargs):
        # ?lang=ru exports Russian text whatever the page's language (English fills gaps);
        # not "language", which is the programmes filter on the language of instruction.
        language = request.GET.get("lang") or translation.get_language()
        if language not in dict(settings.LANGUAGES):
            return HttpResponseBadRequest(
                f"Unknown language {language!r}.", content_type="text/plain; charset=utf-8"
            )
        try:
            with translation.override(language):
                exporter = self.exporter_class.from_params(
                    request.GET, status=request.GET.get("status", "published"), request=request
                )
        except ValidationError as error:
            return HttpResponseBadRequest(
                " ".join(error.messages), content_type="text/plain; charset=utf-8"
            )
        return csv_response(exporter)
