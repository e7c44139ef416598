"""The changelists' date drill-down reads its years, months and days from the index on the
date (scoculture.admin_dates), never every row's date, and gives editors the links and titles
Django's own drill-down gives."""

import datetime

import pytest
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.admin_dates import indexed_date_hierarchy, periods_with_rows
from scoculture.tests.helpers import query_plan
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

PROGRAMMES = reverse("admin:programmes_programme_changelist")
UNIVERSITIES = reverse("admin:universities_university_changelist")

# Two on one day, two days in one month, months and years apart, a gap of two years.
START_DATES = ["2024-03-05", "2024-03-05", "2024-03-20", "2024-11-01", "2026-01-31"]
START_DATES += ["2026-02-01", "2029-07-14"]


def starting(day):
    return {"start_date": day, "end_date": day, "application_deadline": None}


@pytest.fixture
def programmes():
    for number, day in enumerate(START_DATES):
        ProgrammeFactory(
            title=f"{'Silk' if day.startswith('2026') else 'Steppe'} school {number}",
            **starting(datetime.date.fromisoformat(day)),
        )


LEVELS = [
    {},
    {"start_date__year": "2024"},
    {"start_date__year": "2024", "start_date__month": "3"},
    {"start_date__year": "2024", "start_date__month": "3", "start_date__day": "5"},
    {"start_date__year": "2025"},  # no rows
    {"q": "silk"},  # one year: Django opens at its months
    {"q": "silk", "start_date__year": "2026", "start_date__month": "1"},
    {"q": "nothing like it"},
]


@pytest.mark.parametrize("query", LEVELS)
def test_the_drilldown_is_djangos(admin_client, programmes, query):
    cl = admin_client.get(PROGRAMMES, query).context["cl"]
    assert indexed_date_hierarchy(cl) == date_hierarchy(cl)


def test_the_years_and_months_are_those_holding_rows(admin_client, programmes):
    def titles(query):
        cl = admin_client.get(PROGRAMMES, query).context["cl"]
        return [choice["title"] for choice in indexed_date_hierarchy(cl)["choices"]]

    assert titles({}) == ["2024", "2026", "2029"]
    assert titles({"start_date__year": "2024"}) == ["March 2024", "November 2024"]
    assert titles({"q": "silk"}) == ["January 2026", "February 2026"]


def test_a_date_and_time_falls_in_the_editors_time_zone(admin_client):
    """21:00 UTC on New Year's Eve is already the next year in Tashkent (UTC+5)."""
    for moment in ("2023-06-01T12:00", "2024-12-31T21:00"):
        published = datetime.datetime.fromisoformat(moment).replace(tzinfo=datetime.UTC)
        UniversityFactory(published_at=published)
    cl = admin_client.get(UNIVERSITIES).context["cl"]
    with timezone.override("Asia/Tashkent"):
        drilldown = indexed_date_hierarchy(cl)
        assert drilldown == date_hierarchy(cl)
        assert [choice["title"] for choice in drilldown["choices"]] == ["2023", "2025"]
        years = list(periods_with_rows(cl.queryset, "published_at", "year"))
        assert years == list(cl.queryset.datetimes("published_at", "year"))


def test_the_last_year_a_date_can_hold_ends_the_steps():
    ProgrammeFactory(**starting(datetime.date.max))
    years = periods_with_rows(ProgrammeFactory._meta.model.objects.all(), "start_date", "year")
    assert list(years) == [datetime.date(9999, 1, 1)]


def truncations(queries):
    return [q["sql"] for q in queries if "DATE_TRUNC" in q["sql"].upper()]


def test_the_changelist_truncates_no_rows_date(admin_client, programmes, django_assert_num_queries):
    """Django's drill-down ran `SELECT DISTINCT DATE_TRUNC('year', start_date)` over every
    programme; here it is the first and last dates (one query) and a step for each of the
    three years and one past the last."""
    admin_client.get(PROGRAMMES)  # sessions, content types
    # Session, user, the count, the page's rows and their lead photos in a savepoint (two
    # queries), the country filter's choices, the drill-down's range and its four steps.
    # PostgreSQL first reads the table's size estimate (a tiny table's is counted after it).
    with django_assert_num_queries(13 + (connection.vendor == "postgresql")) as queries:
        response = admin_client.get(PROGRAMMES)
    assert response.status_code == 200
    assert not truncations(queries), truncations(queries)
    assert 'href="?start_date__year=2026"' in response.content.decode()


def plan_reads(sql):
    """(index, under a LIMIT with nothing between that reads all its input) for each table
    read in `sql`'s plan, with sequential scans and sorts priced out: on a few test rows the
    planner would take them anyway."""
    plan = query_plan(sql, "seqscan", "sort", format="json")

    def walk(node, limited):
        if node["Node Type"] == "Limit":
            limited = True
        elif node["Node Type"] in ("Sort", "Aggregate", "Unique", "Hash", "SetOp"):
            limited = False  # reads every row below it before giving its first
        if "Relation Name" in node:
            yield node.get("Index Name"), limited
        for child in node.get("Plans", []):
            yield from walk(child, limited)

    return list(walk(plan[0]["Plan"], False))


DRILLDOWNS = [
    (PROGRAMMES, "start_date", ProgrammeFactory, {"programme_start_idx"}),
    # Both lead with the start date: (start, end), and the list's covering index (PostgreSQL).
    (
        reverse("admin:festivals_festival_changelist"),
        "start_date",
        FestivalFactory,
        {"festival_dates_idx", "festival_start_cover"},
    ),
    (UNIVERSITIES, "published_at", UniversityFactory, {"university_published_idx"}),
    (
        reverse("admin:heritage_heritagesite_changelist"),
        "published_at",
        HeritageSiteFactory,
        {"heritage_published_idx"},
    ),
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plans")
@pytest.mark.parametrize(("url", "field", "factory", "indexes"), DRILLDOWNS)
def test_each_step_reads_one_row_of_the_dates_index(admin_client, url, field, factory, indexes):
    """Every query of every level (the first and last dates, each step) is a LIMIT over an
    index on the date (`indexes`: any one of them): at a million rows, a handful of index
    reads."""
    for day in ("2024-03-05", "2024-11-20", "2026-01-31"):
        value = datetime.date.fromisoformat(day)
        if field == "published_at":
            moment = datetime.datetime.combine(value, datetime.time(12), tzinfo=datetime.UTC)
            factory(published_at=moment)
        else:
            factory(start_date=value, end_date=value)
    levels = [{}, {f"{field}__year": "2024"}, {f"{field}__year": "2024", f"{field}__month": "3"}]
    for query in levels:
        cl = admin_client.get(url, query).context["cl"]
        with CaptureQueriesContext(connection) as captured:
            indexed_date_hierarchy(cl)
        assert len(captured) >= 2, query
        for sql in (executed["sql"] for executed in captured):
            reads = plan_reads(sql)
            if "MIN(" in sql:
                # Django's first and last dates, on the top level: at size PostgreSQL reads
                # each from one end of the index; a few rows' costs may have it read all.
                used = {index for index, _limited in reads}
                assert len(used) == 1 and used <= indexes, (query, sql)
            else:
                [(index, limited)] = reads
                assert index in indexes and limited, (query, sql)
