"""Benchmark of the programmes CSV export, three ways, in a scratch database.

    .venv/bin/python bench/export_benchmark.py                       # SQLite, 100k and 1M rows
    .venv/bin/python bench/export_benchmark.py --rows 100000 --iex-max 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/export_benchmark.py

Generates N published programmes (each with a host and two partner countries, titles in three
languages) in a throw-away database: a temporary SQLite file, or, with DATABASE_URL, a new
PostgreSQL database created next to the one named and dropped afterwards. Then it exports them

  ours  the project's ProgrammeExporter through the shared streaming writer (all 21 columns),
  iex   django-import-export's ModelResource with the same columns (dev dependency only),
  db    the database's own CSV output of the same columns (COPY ... TO STDOUT on PostgreSQL,
        the sqlite3 shell's CSV mode on SQLite), many-to-many values aggregated in SQL,

each in a fresh Python process, and prints rows per second, time to first byte, the growth of
the process's resident memory (peak RSS minus RSS before the export) and the ratios.
django-import-export builds the whole file in memory and pages with OFFSET, so above
``--iex-max`` rows it is not run: its throughput is taken from the largest size measured.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = 26
M2M_COLUMNS = {  # programme m2m field -> (table alias, related table, column shown)
    "partner_countries": "scoculture_country",
    "host_universities": "universities_university",
    "fields_of_study": "programmes_fieldofstudy",
    "languages": "programmes_language",
    "heritage_sites": "heritage_heritagesite",
}


def rss_kb(field="VmRSS"):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "scoculture.settings.test"  # DEBUG off: no query log
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- the scratch database --------------------------------------------------------------------


def generate(rows):
    """N programmes and 2N partner links, inserted by the database itself (seconds, not hours)."""
    from django.core.management import call_command
    from django.db import connection

    from programmes.models import Programme
    from scoculture.models import Country

    call_command("migrate", verbosity=0)
    Country.objects.bulk_create(
        Country(
            id=i,
            name=f"Country {i}",
            name_en=f"Country {i}",
            name_ru=f"Страна {i}",
            name_zh_hans=f"国家 {i}",
            code=f"{chr(65 + i // 26)}{chr(65 + i % 26)}",
            slug=f"country-{i}",
            sco_status="member",
            status="published",
            # bulk_create skips save(), which dates a publication: without this no country
            # would be public, and the export would leave the country columns empty.
            published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        )
        for i in range(1, COUNTRIES + 1)
    )
    postgres = connection.vendor == "postgresql"

    def text(sql):
        return f"({sql})::text" if postgres else sql

    def date(days_sql):
        if postgres:
            return f"(DATE '2027-01-01' + ({days_sql})::int)"
        return f"date('2027-01-01', '+' || ({days_sql}) || ' days')"

    timestamp = "TIMESTAMPTZ '2026-01-01 00:00:00+00'" if postgres else "'2026-01-01 00:00:00'"
    kinds = [choice for choice, _ in Programme.Kind.choices]
    kind_sql = "CASE x % {} {} END".format(
        len(kinds), " ".join(f"WHEN {i} THEN '{k}'" for i, k in enumerate(kinds))
    )
    values = {
        "id": "x",
        "slug": "'programme-' || x",
        "status": "'published'",
        "published_at": timestamp,
        "created_at": timestamp,
        "updated_at": timestamp,
        "title": "'Programme ' || x",
        "title_en": "'Programme ' || x",
        "title_ru": "'Программа ' || x",
        "title_zh_hans": "'项目 ' || x",
        "summary": "'A summary, with \"quotes\" and a comma, number ' || x",
        "kind": kind_sql,
        "host_country_id": f"(x % {COUNTRIES}) + 1",
        "organiser": "'=Organiser ' || x",
        "organiser_en": "'=Organiser ' || x",
        "sector": "'university'",
        "level": "'master'",
        "format": "'in_person'",
        "start_date": date("x % 365"),
        "end_date": date("x % 365 + 30"),
        "application_deadline": date("x % 300"),
        "places": "x % 50",
        "funding": "'full'",
        "website": "'https://example.org/p/' || x",
    }
    columns, expressions = [], []
    for field in Programme._meta.concrete_fields:
        columns.append(connection.ops.quote_name(field.column))
        if field.column in values:
            expressions.append(values[field.column])
        elif field.get_internal_type() == "BooleanField":  # PostgreSQL takes no '' for false
            expressions.append("FALSE" if postgres else "0")
        else:
            expressions.append("NULL" if field.null else "''")
    expressions = [text(e) if "||" in e and postgres else e for e in expressions]
    series = (
        f"SELECT x FROM generate_series(1, {rows}) AS x"
        if postgres
        else f"WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < {rows}) "
        "SELECT x FROM s"
    )
    through = Programme.partner_countries.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Programme._meta.db_table} ({', '.join(columns)}) "
            f"SELECT {', '.join(expressions)} FROM ({series}) AS series"
        )
        for offset in (1, 2):
            cursor.execute(
                f"INSERT INTO {through} (programme_id, country_id) "
                f"SELECT id, ((id + {offset}) % {COUNTRIES}) + 1 FROM {Programme._meta.db_table}"
            )
        if postgres:
            cursor.execute("ANALYZE")


def db_query():
    """The same columns as ProgrammeExporter, in SQL (choice values, not their labels)."""
    from django.db import connection

    from programmes.models import Programme

    postgres = connection.vendor == "postgresql"
    p = Programme._meta.db_table

    def agg(name):
        field = Programme._meta.get_field(name)
        through = field.remote_field.through._meta
        related = field.related_model._meta
        source = field.m2m_column_name()
        target = field.m2m_reverse_name()
        name_column = "name_en"
        joined = (
            f"string_agg(r.{name_column}, '; ' ORDER BY r.{name_column})"
            if postgres
            else f"group_concat(r.{name_column}, '; ')"
        )
        return (
            f"(SELECT {joined} FROM {through.db_table} t JOIN {related.db_table} r "
            f"ON r.id = t.{target} WHERE t.{source} = p.id)"
        )

    return (
        "SELECT p.title_en, p.kind, c.name_en, "
        f"{agg('partner_countries')}, {agg('host_universities')}, p.organiser_en, p.sector, "
        f"p.level, {agg('fields_of_study')}, {agg('languages')}, p.format, p.start_date, "
        "p.end_date, p.application_deadline, p.places, p.funding, p.website, "
        f"{agg('heritage_sites')}, p.status, p.published_at, p.slug "
        f"FROM {p} p JOIN scoculture_country c ON c.id = p.host_country_id "
        "WHERE p.status = 'published' ORDER BY p.title_en"
    )


# --- one measurement, in its own process ----------------------------------------------------


class Sink:
    """Counts bytes and notes when the first one arrived."""

    def __init__(self, started):
        self.started = started
        self.size = 0
        self.first_byte = None

    def write(self, data):
        if self.first_byte is None and data:
            self.first_byte = time.perf_counter() - self.started
        self.size += len(data)


def run_ours(sink):
    from exports.exporters import iter_csv
    from programmes.exports import ProgrammeExporter

    for piece in iter_csv(ProgrammeExporter()):
        sink.write(piece)


def run_iex(sink):
    from import_export import fields, resources, widgets

    from heritage.models import HeritageSite
    from programmes.models import FieldOfStudy, Language, Programme
    from scoculture.models import Country
    from universities.models import University

    def many(attribute, model):
        return fields.Field(
            attribute=attribute,
            column_name=attribute,
            widget=widgets.ManyToManyWidget(model, field="name", separator="; "),
        )

    class ProgrammeResource(resources.ModelResource):
        host_country = fields.Field(attribute="host_country__name", column_name="host_country")
        partner_countries = many("partner_countries", Country)
        host_universities = many("host_universities", University)
        fields_of_study = many("fields_of_study", FieldOfStudy)
        languages = many("languages", Language)
        heritage_sites = many("heritage_sites", HeritageSite)

        class Meta:
            model = Programme
            fields = [
                *("title", "kind", "host_country", "partner_countries", "host_universities"),
                *("organiser", "sector", "level", "fields_of_study", "languages", "format"),
                *("start_date", "end_date", "application_deadline", "places", "funding"),
                *("website", "heritage_sites", "status", "published_at", "slug"),
            ]
            export_order = fields
            chunk_size = 2000

    queryset = Programme.objects.published().select_related("host_country")
    queryset = queryset.prefetch_related(*M2M_COLUMNS)
    dataset = ProgrammeResource().export(queryset=queryset)
    data = ("\ufeff" + dataset.csv).encode("utf-8")
    sink.write(data)


def run_db(sink):
    from django.conf import settings
    from django.db import connection

    query = db_query()
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        copy_sql = f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER)"
        with connection.connection.cursor() as cursor, cursor.copy(copy_sql) as copy:
            for data in copy:
                sink.write(bytes(data))
        return
    sqlite = shutil.which("sqlite3")
    if sqlite is None:
        raise SystemExit("sqlite3 shell missing: apt-get install -y sqlite3")
    process = subprocess.Popen(
        [sqlite, "-csv", "-header", str(settings.DATABASES["default"]["NAME"]), query],
        stdout=subprocess.PIPE,
    )
    while data := process.stdout.read1(65536):
        sink.write(data)
    if process.wait():
        raise SystemExit("sqlite3 failed")


def measure(method, database_url, rows):
    setup_django(database_url)
    from django.db import connection

    connection.ensure_connection()
    # Imports and the connection are paid for before the clock and the memory baseline start.
    import import_export.resources  # noqa: F401

    import programmes.exports  # noqa: F401

    baseline = rss_kb()
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to now
    started = time.perf_counter()
    sink = Sink(started)
    {"ours": run_ours, "iex": run_iex, "db": run_db}[method](sink)
    elapsed = time.perf_counter() - started
    result = {
        "method": method,
        "rows": rows,
        "seconds": elapsed,
        "rows_per_s": rows / elapsed,
        "first_byte_s": sink.first_byte,
        "bytes": sink.size,
        "memory_growth_mb": (rss_kb("VmHWM") - baseline) / 1024,
    }
    print(json.dumps(result))


# --- the driver ----------------------------------------------------------------------------


def scratch_postgres(url):
    """A new database on the server DATABASE_URL names; returns (url, drop)."""
    import psycopg

    parts = urlsplit(url)
    name = f"scoculture_bench_{os.getpid()}"
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f"CREATE DATABASE {name}")

    def drop():
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.close()

    return urlunsplit(parts._replace(path="/" + name)), drop


def scratch_database(server):
    """A throw-away database: on the PostgreSQL server that `server` names, else a SQLite file
    in a temporary folder; returns (url, vendor, drop)."""
    if server.startswith("postgres"):
        url, drop = scratch_postgres(server)
        return url, "postgresql", drop
    folder = tempfile.mkdtemp(prefix="scoculture-bench-")

    def drop():
        shutil.rmtree(folder, ignore_errors=True)

    return f"sqlite:///{folder}/bench.sqlite3", "sqlite", drop


def last_json_line(script, *args):
    """Runs `script` with `args` in a child Python and returns the JSON its output ends with."""
    output = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )
    if output.returncode:
        raise SystemExit(output.stderr)
    return json.loads(output.stdout.strip().splitlines()[-1])


def child(method, database_url, rows):
    return last_json_line(
        __file__, "--measure", method, "--database-url", database_url, "--rows", str(rows)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, action="append", help="default: 100000 and 1000000")
    parser.add_argument("--iex-max", type=int, default=100_000, help="largest N for iex")
    parser.add_argument("--measure", choices=["ours", "iex", "db"], help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = args.rows or [100_000, 1_000_000]
    if args.measure:
        return measure(args.measure, args.database_url, sizes[0])

    server = os.environ.get("DATABASE_URL", "")
    print(
        f"{'database':10} {'rows':>9} {'method':6} {'rows/s':>9} {'1st byte':>9} "
        f"{'memory':>9} {'MB out':>7}"
    )
    results = {}
    iex_rate = None
    for rows in sizes:
        url, vendor, drop = scratch_database(server)
        try:
            started = time.perf_counter()
            generated = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys; sys.argv=['x']; "
                    f"sys.path.insert(0, {str(ROOT / 'bench')!r}); import export_benchmark as b; "
                    f"b.setup_django({url!r}); b.generate({rows})",
                ],
                check=False,
                capture_output=True,
                text=True,
            )
            if generated.returncode:
                raise SystemExit(generated.stderr)
            print(f"# generated {rows} programmes in {time.perf_counter() - started:.0f} s")
            methods = ["ours", "db"] + (["iex"] if rows <= args.iex_max else [])
            for method in methods:
                result = child(method, url, rows)
                results[(rows, method)] = result
                print(
                    f"{vendor:10} {rows:>9} {method:6} {result['rows_per_s']:>9,.0f} "
                    f"{result['first_byte_s']:>8.3f}s {result['memory_growth_mb']:>6.1f} MB "
                    f"{result['bytes'] / 1e6:>7.1f}",
                    flush=True,
                )
            if "iex" in methods:
                iex_rate = results[(rows, "iex")]["rows_per_s"]
            ours = results[(rows, "ours")]["rows_per_s"]
            db = results[(rows, "db")]["rows_per_s"]
            note = "" if "iex" in methods else " (iex rate from the largest N it ran)"
            if iex_rate:
                print(f"#   ours / iex throughput: {ours / iex_rate:.1f}x{note}")
            print(f"#   db / ours throughput: {db / ours:.1f}x (target: within 5x)")
        finally:
            drop()
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        growth = [results[(n, "ours")]["memory_growth_mb"] for n in (small, large)]
        print(
            f"# ours memory growth: {growth[0]:.1f} MB at {small}, {growth[1]:.1f} MB at "
            f"{large} (difference {growth[1] - growth[0]:+.1f} MB; targets < 60 MB, < 10 MB)"
        )


if __name__ == "__main__":
    main()
