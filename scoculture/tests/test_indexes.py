"""The indexes the lists need, and none that only cost writes."""

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from modeltranslation.translator import translator

from scoculture.tests.helpers import query_plan

pytestmark = pytest.mark.django_db

BIG_MODELS = [
    ("programmes", "Programme"),
    ("festivals", "Festival"),
    ("universities", "University"),
    ("heritage", "HeritageSite"),
]


@pytest.mark.parametrize(("app", "name"), BIG_MODELS)
def test_no_index_on_an_untranslated_column(app, name):
    """modeltranslation reads and sorts `title_<language>`: the bare `title` column is never
    queried, so an index on it would only slow every write."""
    model = apps.get_model(app, name)
    translated = set(translator.get_options_for_model(model).fields)
    for index in model._meta.indexes:
        assert not translated & set(index.fields), index.name


@pytest.mark.parametrize(("app", "name", "field"), [(*model, "title") for model in BIG_MODELS[:2]])
def test_each_language_column_the_lists_sort_by_has_an_index(app, name, field):
    model = apps.get_model(app, name)
    indexed = {tuple(index.fields) for index in model._meta.indexes}
    for language in ("en", "ru", "zh_hans"):
        assert (f"{field}_{language}",) in indexed


@pytest.mark.parametrize("when", ["upcoming", "past"])
def test_the_festival_date_filters_use_the_last_day_index(when):
    festivals = getattr(apps.get_model("festivals", "Festival").objects, when)()
    assert "festival_last_day_idx" in query_plan(festivals.order_by(), "seqscan")


def test_the_transboundary_filter_reads_its_partial_index():
    """The few sites in several countries, from an index of them alone: the filter grouped
    the whole links table in the list's every query."""
    sites = apps.get_model("heritage", "HeritageSite").objects.transboundary()
    assert "heritage_transboundary_idx" in query_plan(sites.order_by(), "seqscan")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_the_text_filter_uses_the_trigram_indexes(language):
    """Every column the filter ORs together has a trigram index, so PostgreSQL combines them
    (BitmapOr) instead of reading the table."""
    from heritage.filters import HeritageSiteFilter

    with translation.override(language):
        # All rows, not the published ones: the visibility index would serve those instead.
        every_site = apps.get_model("heritage", "HeritageSite").objects.all()
        queryset = HeritageSiteFilter({"q": "silk"}, queryset=every_site).qs
        plan = query_plan(queryset.order_by(), "seqscan")
    assert "BitmapOr" in plan and "heritage_trgm_plain" in plan, plan
    suffix = language.replace("-", "_")
    assert f"heritage_trgm_{suffix}" in plan and "heritage_trgm_en" in plan, plan


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite binds the date as a parameter, which never matches an indexed expression",
)
def test_open_programmes_soonest_first_read_a_range_of_the_open_order_index():
    """From today on, in the index's order: a page of them stops after its rows, where an OR
    of "deadline >= today" and "no deadline" read the deadline index from its earliest,
    past, deadline. Every row, not the published ones: the visibility index would serve those
    instead."""
    programmes = apps.get_model("programmes", "Programme").objects.all()
    plan = query_plan(programmes.open_soonest_first()[:6], "seqscan", "sort")
    assert "Index Scan using programme_open_order_idx" in plan
    assert "Index Cond" in plan


@pytest.mark.parametrize(("app", "name"), BIG_MODELS)
def test_the_expiry_times_to_come_have_an_index(app, name):
    """The public cache's query for the next publication or expiry (`next_scheduled_change`)
    finds the first expiry to come in a small index of the rows that expire: without it,
    PostgreSQL read every programme (a Seq Scan, 97 ms at 300,000). The planner's choice
    shows only at size: `make bench-scale` and the README's figures."""
    model = apps.get_model(app, name)
    expiry = [index for index in model._meta.indexes if index.fields == ["expire_at"]]
    assert len(expiry) == 1
    assert expiry[0].condition is not None  # the rows that expire only: few


@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_a_list_of_one_kind_reads_its_titles_in_order(language):
    """A kind's titles cluster, so walking the title index to a rare kind's first page read
    97,000 other programmes at a million; the kind's own title index reads only its rows."""
    programmes = apps.get_model("programmes", "Programme").objects
    with translation.override(language):
        rare_kind = programmes.filter(kind="volunteering").order_by("title")[:24]
        plan = query_plan(rare_kind, "seqscan", "sort")
    assert f"programme_kind_title-{language}" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="covering indexes are PostgreSQL's")
@pytest.mark.django_db(transaction=True)  # VACUUM runs outside a transaction
@pytest.mark.parametrize("facet", ["kind", "country"])
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"level": "master"},
        {"format": "online"},
        {"funding": "full"},
        {"sector": "government"},
        {"open": "on"},
        {"deadline_before": "today"},
        {"starts_after": "today"},
    ],
)
def test_the_programme_counts_read_the_visibility_index_alone(facet, data):
    """A generation's first list request counts every published programme by kind and host,
    unfiltered or by a filter of the programme's own columns: from the table, 1.9 GB at a
    million programmes (4.2 s for the hosts, 0.8 to 1.0 s for the kinds of one level)."""
    from programmes.filters import ProgrammeFilter
    from programmes.tests.factories import ProgrammeFactory

    ProgrammeFactory.create_batch(3)
    with connection.cursor() as cursor:
        # As autovacuum leaves a table that is mostly read: its pages all-visible, so an
        # index that holds every column a query reads can serve it without the table.
        cursor.execute("VACUUM ANALYZE programmes_programme")
    today = timezone.localdate().isoformat()
    filterset = ProgrammeFilter(
        {name: value.replace("today", today) for name, value in data.items()}
    )
    assert filterset.is_valid()
    with CaptureQueriesContext(connection) as captured:
        filterset.count_facet(facet)
    queries = [q["sql"] for q in captured if "COUNT(" in q["sql"]]
    plans = []
    with transaction.atomic(), connection.cursor() as cursor:
        # Three rows are read whichever way costs least, by any index in the order grouped
        # by: with the table and the other indexes priced out (dropped, then rolled back),
        # PostgreSQL takes an index-only scan exactly when the index holds what is read.
        cursor.execute(
            "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            "WHERE x.indrelid = 'programmes_programme'::regclass "
            "AND i.relname <> 'programme_visible_cover' "
            "AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = x.indexrelid)"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        for sql in queries:
            cursor.execute(f"EXPLAIN {sql}")
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
        transaction.set_rollback(True)
    assert plans and all("Index Only Scan using programme_visible_cover" in p for p in plans), plans


@pytest.mark.skipif(connection.vendor != "postgresql", reason="covering indexes are PostgreSQL's")
@pytest.mark.django_db(transaction=True)  # VACUUM runs outside a transaction
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_a_page_of_upcoming_festivals_is_found_in_the_start_cover_index_alone(language):
    """The list's default page, soonest first, walks the start dates past every festival
    that has ended: in the table, 49,000 rows at 100,000 festivals (83 ms); in an index that
    holds what the walk reads, 10 ms."""
    from festivals.filters import FestivalFilter
    from festivals.tests.factories import FestivalFactory

    FestivalFactory.create_batch(3)
    with connection.cursor() as cursor:
        # As autovacuum leaves a table that is mostly read: its pages all-visible.
        cursor.execute("VACUUM ANALYZE festivals_festival")
    with translation.override(language):
        page_keys = FestivalFilter({}).qs.values("pk")[:24]
        plan = query_plan(page_keys, "seqscan", "bitmapscan")
    assert "Index Only Scan using festival_start_cover" in plan, plan


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite cannot index NULLS LAST (and sorts few rows)"
)
@pytest.mark.parametrize(
    ("sort", "index"), [("newest", "heritage_year_newest_idx"), ("oldest", "heritage_year_idx")]
)
def test_heritage_sorted_by_inscription_reads_a_year_index_in_that_order(sort, index):
    """Both orders put the sites without a year last: read down the year index, they came
    first, and PostgreSQL sorted every published site for the newest (230 ms at 100,000)."""
    from heritage.filters import HeritageSiteFilter

    filterset = HeritageSiteFilter({"sort": sort})
    assert filterset.is_valid()
    assert index in query_plan(filterset.qs[:24], "seqscan", "sort")
