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
import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import count, islice, repeat
from operator import add, attrgetter, itemgetter, methodcaller

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import BooleanField, Case, F, Func, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
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
    """format_cell() over a row; the common cases inline, as a million-row export feels it.

    Empty text, and text that starts with a letter or digit, start no formula (neutralise()
    would return them as they are), so most cells skip the call; the formula rule stays in
    neutralise() alone.
    """
    return [
        (value if not value or value[0].isalnum() else neutralise(value))
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


# What the writer takes a row to weigh (a programme's is ~250 bytes): it formats and writes
# as many rows together as fill a piece, 256 for 64 KB.
ROW_BYTES = 256
# Cells the csv module writes as format_cell() would: numbers as they are, None as "".
AS_THEY_ARE = frozenset((int, float, Decimal, type(None)))
TEXT = frozenset((str, type(None)))
_first = itemgetter(0)


def format_batch(rows: list[Sequence], tz=None) -> Iterable[Sequence]:
    """format_row() over a batch of rows, a column at a time.

    A column of numbers and blanks needs nothing, nor does a column of text in which every
    non-empty cell starts with a letter or digit (no formula starts so): both are checked
    with ``map`` over the column, in C, with no Python code per cell. Any other column, and
    rows of unequal (or no) lengths, go through format_row().
    """
    if len(widths := set(map(len, rows))) != 1 or 0 in widths:
        return map(format_row, rows, repeat(tz))
    columns = zip(*rows, strict=True)
    return zip(*(_format_column(column, tz) for column in columns), strict=True)


def _format_column(cells: tuple, tz) -> Sequence:
    kinds = set(map(type, cells))
    if kinds <= AS_THEY_ARE:
        return cells
    if kinds <= TEXT and all(map(str.isalnum, map(_first, filter(None, cells)))):
        return cells
    if kinds == {datetime.date}:  # PostgreSQL's dates
        return list(map(datetime.date.isoformat, cells))
    if kinds == {datetime.datetime} and tz and all(map(_tzinfo, cells)):
        return list(map(_iso_seconds, map(methodcaller("astimezone", tz), cells)))
    return format_row(cells, tz)


_tzinfo = attrgetter("tzinfo")
_iso_seconds = methodcaller("isoformat", timespec="seconds")


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

    def iter_data(self) -> Iterator[Sequence]:
        raise NotImplementedError

    def iter_rows(self) -> Iterator[Sequence]:
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
    """How a ListExporter's columns turn into one values_list() and per-chunk M2M queries.

    A database row holds the pk, then ``selects``. Columns that need work (a choice's label,
    the first non-empty translation, many-to-many names, a datetime read as text) are worked
    out for a whole chunk at once, each with ``map`` over the chunk's rows; an export row is
    then picked, in one C call, from the database row followed by those values. No Python
    code runs per row and column, which is what a million-row export pays for.
    """

    def __init__(self, model, columns: list[Column]):
        self.selects: list = []  # lookups of the main values_list(), after the pk
        self.many: dict[str, tuple] = {}  # m2m name -> (field, lookups, chooser)
        self.headers = []
        sources = [self._add(model, column) for column in columns]
        # Functions (chunk, many) -> the values of one column, one per row of the chunk.
        self.computed = [source for source in sources if callable(source)]
        after_selects = count(1 + len(self.selects))  # the computed values follow the selects
        self.pick = _picker(
            [next(after_selects) if callable(source) else source for source in sources]
        )

    def rows(self, chunk: list[tuple], many: dict) -> Iterator[tuple]:
        """The export's rows of a chunk of database rows."""
        if self.computed:
            computed = zip(*(compute(chunk, many) for compute in self.computed), strict=True)
            chunk = map(add, chunk, computed)
        return map(self.pick, chunk)

    def _select(self, lookups: list) -> list[int]:
        positions = []
        for lookup in lookups:
            if lookup not in self.selects:
                self.selects.append(lookup)
            positions.append(self.selects.index(lookup) + 1)  # 0 is the pk
        return positions

    def _add(self, model, column: Column) -> int | Callable:
        """Plans a column: its position in the database row, or the function computing it."""
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
        if m2m is not None:
            key = f"{m2m.name}:{column.path}"
            self.many[key] = (m2m, lookups, chooser)
            return lambda chunk, many: map(many[key].get, map(_pk, chunk), repeat(""))
        reading = _text_reading(field)
        if reading is not None:
            lookups = [reading(lookup) for lookup in lookups]
        positions = self._select(lookups)
        if reading is _stored_text and field.get_internal_type() == "DateTimeField":
            values = _column_values(field, positions, chooser)
            return lambda chunk, many: _stored_datetimes(values(chunk))
        if len(positions) == 1 and not field.choices:
            return positions[0]  # the value as it comes: no work at all
        values = _column_values(field, positions, chooser)
        return lambda chunk, many: values(chunk)


def _column_values(field, positions: list[int], chooser: Callable) -> Callable:
    """A function giving a chunk's values of a column read at ``positions``."""
    reads = [itemgetter(position) for position in positions]
    if len(reads) > 1:  # the first non-empty translation (its label, if a choice)
        return lambda chunk: map(chooser, *(map(read, chunk) for read in reads))
    [read] = reads
    if field.choices:  # the label, or the value itself if it has none
        get = _labels(field).get
        return lambda chunk: map(get, map(read, chunk), map(read, chunk))
    return lambda chunk: map(read, chunk)


_pk = itemgetter(0)


def _picker(positions: list[int]) -> Callable:
    """A function picking these positions of a row into a tuple (itemgetter of one position
    returns the item itself)."""
    if len(positions) == 1:
        [position] = positions
        return lambda row: (row[position],)
    return itemgetter(*positions)


def _text_reading(field) -> Callable | None:
    """How to read a date or datetime column as the text the CSV needs, where the database
    can give it; None to read the column's values as they come.

    SQLite stores dates and datetimes as ISO 8601 text. Read through an SQL function, the
    column has no declared type, so sqlite3 does not parse it, and the text output field has
    no converter, so Django does not either: a date arrives as the very text the CSV needs
    ("2026-12-03"), instead of being parsed twice into a date and formatted back. A datetime
    is stored in UTC ("2026-12-03 09:30:00.123456"); in another time zone than UTC it is
    parsed once a cell in Python (``_stored_datetimes``).

    PostgreSQL sends dates in binary, which psycopg decodes in C, but a timestamp goes
    through Django's own loader, in Python (to set its time zone): in an export in UTC, the
    database writes it as text instead.
    """
    kind = field.get_internal_type()
    if kind not in ("DateField", "DateTimeField"):
        return None
    utc = settings.USE_TZ and _utc(timezone.get_current_timezone())
    if connection.vendor == "sqlite":
        utc = utc and _utc(connection.timezone)  # the zone of the stored text
        return _utc_text if kind == "DateTimeField" and utc else _stored_text
    if connection.vendor == "postgresql" and kind == "DateTimeField" and utc:
        return _utc_text
    return None


def _stored_text(lookup):
    return Cast(lookup, TextField())


def _utc_text(lookup):
    """A datetime column as format_cell() writes an aware datetime in UTC (to the second)."""
    if connection.vendor == "postgresql":
        return Func(lookup, template=_POSTGRES_UTC_ISO, output_field=TextField())
    return Func(Value(_SQLITE_UTC_ISO), lookup, function="strftime", output_field=TextField())


_SQLITE_UTC_ISO = "%Y-%m-%dT%H:%M:%S+00:00"
_POSTGRES_UTC_ISO = (
    "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"+00:00\"')"
)


def _utc(zone) -> bool:
    return zone is datetime.UTC or getattr(zone, "key", None) in ("UTC", "Etc/UTC")


def _stored_datetimes(texts: Iterable[str | None]) -> list[str | None]:
    """Datetimes that SQLite keeps as text, as the writer writes aware datetimes: in the
    active time zone, with its offset. The stored text is read the way Django reads it
    (``parse_datetime``, in the connection's time zone), the zones looked up once a chunk."""
    local = timezone.get_current_timezone()
    stored = connection.timezone if settings.USE_TZ else None
    cells = []
    for text in texts:
        value = None if text is None else parse_datetime(text)
        if value is not None and stored is not None:
            value = (value if value.tzinfo else value.replace(tzinfo=stored)).astimezone(local)
        cells.append(None if value is None else value.isoformat(timespec="seconds"))
    return cells


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


def _labels(field) -> dict:
    """A choice field's labels in the active language, by value."""
    return {value: str(label) for value, label in field.flatchoices}


def _chooser(field, width: int) -> Callable | None:
    """First non-empty of the localised values; a choice's label instead of its value.
    None when there is nothing to choose: one value, no labels."""
    labels = _labels(field) if field.choices else None
    if width == 1:
        if labels is None:
            return None
        return lambda value: labels.get(value, value)

    def first(*values):
        for value in values:
            if value not in (None, ""):
                return labels.get(value, value) if labels else value
        return values[0]

    return first


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


# Where a many-to-many query takes the chunk's primary keys (see _ManyQuery).
_CHUNK_PKS = object()


def _in_chunk(column: str, pk_field) -> tuple[str, Callable]:
    """SQL for "column is one of the chunk's primary keys" with a single parameter, and the
    function that turns a chunk's keys into it.

    One parameter keeps the SQL the same for every chunk (compiled once) and cheap to parse:
    Django's "__in" prepares thousands of values one by one, psycopg and SQLite parse as many
    placeholders. PostgreSQL gets an array (integer keys as one text literal: psycopg adapts
    a list of ints item by item), SQLite a JSON array read by ``json_each``.
    """
    if connection.vendor == "postgresql":
        db_type = pk_field.rel_db_type(connection)
        if db_type in ("smallint", "integer", "bigint"):
            return f"{column} = ANY(%s::{db_type}[])", _array_literal
        return f"{column} = ANY(%s)", list
    return f"{column} IN (SELECT value FROM json_each(%s))", json.dumps


def _array_literal(values: list[int]) -> str:
    return "{" + ",".join(map(str, values)) + "}"


class _ManyQuery:
    """A many-to-many column's query: built and compiled once per export, then run once per
    chunk with the chunk's primary keys as its one parameter."""

    def __init__(self, field, lookups: list, chooser: Callable | None):
        through = field.remote_field.through
        column = field.m2m_column_name()
        target = field.m2m_reverse_field_name()
        in_chunk, self.encode = _in_chunk(
            f"{quote(through._meta.db_table)}.{quote(column)}", field.model._meta.pk
        )
        rows = _manager(through)
        if connection.vendor == "sqlite":
            # Without statistics, SQLite runs "target is published" off the target's index:
            # for each published country, a probe per primary key of the chunk (26 x 2,000).
            # "+target" takes that index out of the plan, so the query starts from the chunk's
            # own rows (2 per programme): 8x faster at 2,000 pks.
            rows = rows.alias(
                _published_target=Func(
                    F(target),
                    template="+%(expressions)s",
                    output_field=through._meta.get_field(target).target_field,
                )
            )
            visible = _published_only(field.related_model, "_published_target")
        else:
            visible = _published_only(field.related_model, target)
        rows = rows.filter(RawSQL(in_chunk, (_CHUNK_PKS,), BooleanField()), *visible)
        shown = (f"{target}__{lookup}" for lookup in lookups)
        rows = rows.order_by().values_list(column, *shown)
        self.compiler = rows.query.get_compiler(using=rows.db)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        self.pks_at = next(i for i, param in enumerate(params) if param is _CHUNK_PKS)
        self.chooser = chooser

    def names(self, pks: list) -> dict:
        """{pk: "A; B"}: the names of each record of the chunk, in alphabetical order."""
        self.params[self.pks_at] = self.encode(pks)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            rows = self.compiler.results_iter([cursor.fetchall()])  # Django's converters
        values = defaultdict(list)
        if self.chooser is None:  # the common case, a loop as short as it gets
            for pk, name in rows:
                values[pk].append(str(name))
        else:
            for pk, *names in rows:
                values[pk].append(str(self.chooser(*names)))
        return {pk: _joined(items) for pk, items in values.items()}


def _joined(names: list[str]) -> str:
    """Names in alphabetical order (any case), as one cell."""
    if len(names) == 1:
        return names[0]
    return MANY_SEPARATOR.join(sorted(names, key=str.casefold))


def _published_only(model, target: str) -> list:
    """The filter that keeps a related column to published rows of ``model``.

    Whatever ``status`` the export asks for, a related column lists only what the public may
    see, so a published export never names a draft or scheduled university, site or country.
    The rule is ``published()`` itself, at the time the export starts.
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

    def iter_data(self) -> Iterator[tuple]:
        plan = _Plan(self.model, self.columns)
        queryset = self.queryset.prefetch_related(None)
        if hasattr(queryset, "rewrite"):
            queryset = queryset.rewrite(False)
        cursor = queryset.values_list("pk", *plan.selects).iterator(chunk_size=self.chunk_size)
        many_queries = {key: _ManyQuery(*many) for key, many in plan.many.items()}
        while chunk := list(islice(cursor, self.chunk_size)):
            pks = list(map(_pk, chunk))
            many = {key: query.names(pks) for key, query in many_queries.items()}
            yield from plan.rows(chunk, many)

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
    then the trailer row. Rows are written a batch at a time (``format_batch``)."""
    rows = iter(exporter.iter_rows() if rows is None else rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    with translation.override(exporter.language):
        tz = timezone.get_current_timezone()
        header = next(rows)
        buffer.write("\ufeff")
        writer.writerow(format_row(header))
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
        count = 0
        batch_rows = max(1, buffer_size // ROW_BYTES)
        while batch := list(islice(rows, batch_rows)):
            writer.writerows(format_batch(batch, tz))
            count += len(batch)
            if buffer.tell() >= buffer_size:
                yield buffer.getvalue().encode("utf-8")
                buffer.seek(0)
                buffer.truncate()
        # Only reached when every row was written: an error above ends the file without it.
        writer.writerow([TRAILER, count])
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
