"""No public page (and no programme admin page) reads a big table from end to end: the
PostgreSQL planner can serve every query from an index.

PostgreSQL-only: the plans, indexes (trigram, coalesced date) and row estimates under test
are PostgreSQL's; SQLite is skipped.

How: each page is requested through the test client, so the SQL is what the views really run
(CaptureQueriesContext), never a queryset rebuilt here. Each query that reads a big table
(programmes, festivals, universities, heritage sites, or their many-to-many tables) is then
EXPLAINed with `SET LOCAL enable_seqscan = off`. With a few test rows the planner would pick a
sequential scan for everything, index or not; with sequential scans priced out it takes any
index that can serve the query, so a Seq Scan left in the plan means that no index can: the
query would read the whole table at a million rows. (Generating thousands of rows and
ANALYZE-ing would still leave the choice to costs at a size far from production's, and take
minutes.) What this cannot tell is a good index from a poor one (the visibility index on
status serves any published list, if slowly): `make bench-scale` measures that at size.
"""

import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.demo.loader import load_demo_data
from portal.tests.pages import public_urls
from scoculture.tests.helpers import query_plan

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="reads PostgreSQL's query plans (EXPLAIN); SQLite plans differ and are not run",
    ),
]

BIG_MODELS = ["programmes.Programme", "festivals.Festival", "universities.University"]
BIG_MODELS += ["heritage.HeritageSite"]


def big_tables():
    """The big tables: the four kinds and their many-to-many tables."""
    tables = set()
    for label in BIG_MODELS:
        model = apps.get_model(label)
        tables.add(model._meta.db_table)
        tables.update(
            field.remote_field.through._meta.db_table for field in model._meta.many_to_many
        )
    return tables


def seq_scans(sql, tables):
    """The big tables a query's plan reads sequentially when no sequential scan is wanted."""
    plan = query_plan(sql, "seqscan")
    return {table for table in re.findall(r"Seq Scan on (\w+)", plan) if table in tables}


def offending_queries(client, urls):
    """(url, query, tables read sequentially, SQL) for every query of every page in `urls`."""
    tables = big_tables()
    found = []
    for url, query in urls:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, query)
        assert response.status_code in (200, 404), (url, query, response.status_code)
        for executed in captured:
            sql = executed["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            if scanned := seq_scans(sql, tables):
                found.append((url, query, scanned, sql))
    return found


@pytest.fixture
def demo():
    load_demo_data()


def test_no_public_page_scans_a_big_table(client, demo):
    urls = public_urls()
    assert len(urls) > 60  # every list's filters and sorts, details, feeds, sitemaps
    assert offending_queries(client, urls) == []


def test_no_programme_admin_page_scans_a_big_table(admin_client, demo):
    changelist = reverse("admin:programmes_programme_changelist")
    programme = apps.get_model("programmes.Programme").objects.first()
    urls = [
        (changelist, {}),
        (changelist, {"q": "silk"}),
        (changelist, {"status__exact": "published", "kind__exact": "summer_school"}),
        (reverse("admin:programmes_programme_change", args=[programme.pk]), {}),
        (changelist, {"start_date__year": "2027"}),
        (
            reverse("admin:autocomplete"),
            {"app_label": "festivals", "model_name": "festival", "field_name": "heritage_sites"},
        ),
        (
            reverse("admin:autocomplete"),
            {
                "app_label": "programmes",
                "model_name": "programme",
                "field_name": "heritage_sites",
                "term": "silk",  # every searched column, alternate names too, has an index
            },
        ),
    ]
    assert offending_queries(admin_client, urls) == []


def test_the_university_text_box_scans_no_big_table(client, demo, settings):
    """Above FILTER_SELECT_MAX_CHOICES the programmes' university filter finds a slug or an
    exact name by index, and its suggestions (the API's name filter) by the trigram index."""
    settings.FILTER_SELECT_MAX_CHOICES = 1
    university = apps.get_model("universities.University").objects.published().first()
    programmes = reverse("programmes:programme_list")
    suggest = reverse("api:university-list")
    urls = [
        (programmes, {"university": university.slug}),
        (programmes, {"university": university.name_en}),
        (programmes, {"university": "nowhere"}),
        (f"/ru{programmes.removeprefix('/en')}", {"university": university.name_en}),
        (suggest, {"name": "univ", "lang": "ru", "page_size": 8}),
    ]
    assert offending_queries(client, urls) == []


@pytest.mark.parametrize("kind", ["programmes", "festivals", "universities", "heritage"])
def test_the_sitemap_index_dates_a_kind_from_its_last_change_index(kind):
    """The index's lastmod of a kind is its newest published change: a step back along the
    updated_at index to the first visible row, where it read every row (a second at a million
    programmes). With sorts priced out, only an index in that order serves the query."""
    from portal.sitemaps import KINDS

    sitemap = KINDS[kind]()
    with CaptureQueriesContext(connection) as captured:
        sitemap.get_latest_lastmod()
    (query,) = captured
    plan = query_plan(query["sql"], "seqscan", "sort")
    index = next(i.name for i in sitemap.model._meta.indexes if i.fields == ["updated_at"])
    assert f"Index Scan Backward using {index}" in plan, plan
