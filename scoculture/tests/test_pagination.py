"""Page depth and counts that do not grow with the table: the public lists stop after
MAX_PAGES pages and say so; the admin takes PostgreSQL's estimate of an unfiltered table."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programmes.tests.factories import ProgrammeFactory
from scoculture import pagination
from scoculture.lists import PAGE_SIZE
from scoculture.tests.csvfiles import read_export

pytestmark = pytest.mark.django_db

PROGRAMMES = reverse("programmes:programme_list")
CHANGELIST = reverse("admin:programmes_programme_changelist")


def offsets(queries):
    return [int(n) for q in queries for n in re.findall(r"OFFSET (\d+)", q["sql"])]


@pytest.fixture
def two_pages_at_most(monkeypatch):
    monkeypatch.setattr(pagination.CappedPaginator, "max_pages", 2)
    ProgrammeFactory.create_batch(2 * PAGE_SIZE + 1)


def test_a_list_past_the_cap_says_there_are_more_and_how_to_reach_them(client, two_pages_at_most):
    html = client.get(PROGRAMMES).content.decode()
    assert f"More than {2 * PAGE_SIZE} results" in html
    assert "Only the first 2 pages are listed" in html
    assert "page 1 of 2" in html


def test_the_last_page_offered_is_served_and_the_one_after_is_a_404(client, two_pages_at_most):
    assert client.get(PROGRAMMES, {"page": 2}).status_code == 200
    assert client.get(PROGRAMMES, {"page": 3}).status_code == 404


def test_the_cap_is_translated(client, two_pages_at_most):
    html = client.get("/ru" + PROGRAMMES.removeprefix("/en")).content.decode()
    assert f"Более {2 * PAGE_SIZE} результатов" in html


def test_a_short_list_counts_exactly_and_says_nothing_of_a_cap(client):
    ProgrammeFactory.create_batch(3)
    html = client.get(PROGRAMMES).content.decode()
    assert "3 results" in html
    assert "More than" not in html and "Only the first" not in html


@pytest.mark.parametrize("page", [50_000, 10**12])
def test_a_deep_page_is_a_404_without_reading_rows_up_to_it(client, page):
    """Page 50,000 of a million rows would OFFSET 1.2M rows; the count stops at the cap
    (COUNT over a LIMIT), so the page is known to be past the end before any row is read."""
    ProgrammeFactory.create_batch(2)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PROGRAMMES, {"page": page})
    assert response.status_code == 404
    assert max(offsets(queries), default=0) <= pagination.MAX_PAGES * PAGE_SIZE
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"] and "programme" in q["sql"]]
    assert any(f"LIMIT {pagination.MAX_PAGES * PAGE_SIZE + 1}" in sql for sql in counts), counts


@pytest.mark.parametrize("sort", ["", "title", "deadline", "newest"])
def test_the_bounded_count_is_not_sorted(client, sort):
    """The count needs no order: sorted, the database walks the sort's index until it has
    the limit's rows of the filter (860 ms at a million programmes for a rare kind)."""
    ProgrammeFactory.create_batch(2, kind="volunteering")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(PROGRAMMES, {"kind": "volunteering", "sort": sort}).content.decode()
    assert "2 results" in html
    counts = [q["sql"] for q in queries if "COUNT(*)" in q["sql"] and "programme" in q["sql"]]
    assert counts and not any("ORDER BY" in sql for sql in counts), counts


def whole_table_counts(queries):
    """COUNT queries over the programmes table with no WHERE clause."""
    return [
        q["sql"]
        for q in queries
        if "COUNT(" in q["sql"].upper()
        and '"programmes_programme"' in q["sql"]
        and "WHERE" not in q["sql"].upper()
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the row estimate (pg_class) is PostgreSQL's"
)
def test_the_programme_changelist_does_not_count_the_whole_table(
    client, editor, monkeypatch, django_assert_num_queries
):
    ProgrammeFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE programmes_programme")
    # The test table is tiny: take the estimate from any size (it is exact after ANALYZE).
    monkeypatch.setattr(pagination, "ESTIMATE_FROM_ROWS", 1)
    client.force_login(editor)
    client.get(CHANGELIST)  # sessions, content types, permissions
    # Session, user, the estimate, the page's rows, the filters' choices, the date drill-down
    # (the first and last dates, the one day's step and the step past it).
    with django_assert_num_queries(13) as queries:
        response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert not whole_table_counts(queries), whole_table_counts(queries)
    assert any("pg_class" in q["sql"] for q in queries)
    assert response.context["cl"].result_count == 3


def test_a_small_table_or_a_filtered_changelist_counts_exactly(client, editor):
    ProgrammeFactory.create_batch(3)
    client.force_login(editor)
    assert client.get(CHANGELIST).context["cl"].result_count == 3
    searched = client.get(CHANGELIST, {"q": "Programme"})
    assert searched.context["cl"].result_count == 3


@pytest.fixture
def past_the_admin_cap(monkeypatch):
    """Five programmes, two a page, counted up to three."""
    from programmes.admin import ProgrammeAdmin

    monkeypatch.setattr(pagination, "ADMIN_COUNT_CAP", 3)
    monkeypatch.setattr(ProgrammeAdmin, "list_per_page", 2)
    monkeypatch.setattr(ProgrammeAdmin, "list_max_show_all", 2)  # below the cap, as 200 is
    ProgrammeFactory.create_batch(5)


def test_a_searched_changelist_counts_up_to_the_cap_and_says_more(admin_client, past_the_admin_cap):
    """A common word matches a tenth of a million programmes: the count stops at the cap
    (COUNT over a LIMIT, in no order), and no page claims an exact number."""
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(CHANGELIST, {"q": "Programme"})
    cl = response.context["cl"]
    assert (cl.result_count, cl.paginator.truncated, cl.paginator.num_pages) == (3, True, 2)
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"] and "programme" in q["sql"]]
    assert len(counts) == 1 and "LIMIT 4" in counts[0] and "ORDER BY" not in counts[0], counts
    html = response.content.decode()
    assert "More than 3 programmes" in html  # under the pages
    assert "More than 3 results" in html  # beside the search box
    assert "Select all programmes found (more than 3)" in html  # not "Select all 3"
    assert "All selected (more than 3)" in html


def test_the_cap_is_translated_in_the_admin(admin_client, past_the_admin_cap):
    html = admin_client.get(CHANGELIST, {"q": "Programme"}, HTTP_ACCEPT_LANGUAGE="ru")
    html = html.content.decode()
    assert "программы: более 3" in html and "Более 3 результатов" in html, html


def test_a_count_under_the_cap_is_exact_and_says_so(admin_client, past_the_admin_cap):
    ProgrammeFactory.create_batch(2, title="Karakol field course")
    response = admin_client.get(CHANGELIST, {"q": "karakol"})
    cl = response.context["cl"]
    assert (cl.result_count, cl.paginator.truncated) == (2, False)
    html = response.content.decode()
    assert "2 programmes" in html and "2 results" in html and "More than" not in html


def test_the_suggestions_count_only_one_row_past_their_page(admin_client):
    """An autocomplete says only whether more suggestions follow: its count stops one row past
    the page asked for, not at the changelist's cap."""
    from heritage.tests.factories import HeritageSiteFactory

    HeritageSiteFactory.create_batch(21, name="Karakol site")
    suggestions = reverse("admin:autocomplete")
    query = {"app_label": "programmes", "model_name": "programme"}
    query |= {"field_name": "heritage_sites", "term": "karakol"}
    for page, more, limit in ((1, True, 22), (2, False, 42)):
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(suggestions, {**query, "page": page})
        assert response.json()["pagination"] == {"more": more}
        counts = [q["sql"] for q in queries if "COUNT(" in q["sql"]]
        assert len(counts) == 1 and f"LIMIT {limit}" in counts[0], counts


def from_keys(sql, limit):
    return "IN (SELECT" in sql and f"LIMIT {limit})" in sql


def test_a_few_suggestions_are_read_from_their_counted_keys(admin_client):
    """Ordered by name over the search itself, PostgreSQL walked the name index past 81,000
    heritage sites to a rare word's one match; from the counted rows' keys it reads those."""
    from heritage.tests.factories import HeritageSiteFactory

    HeritageSiteFactory(name="Karakol site B")
    HeritageSiteFactory(name="Karakol site A")
    HeritageSiteFactory(name="Other site")
    query = {"app_label": "programmes", "model_name": "programme"}
    query |= {"field_name": "heritage_sites", "term": "karakol"}
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(reverse("admin:autocomplete"), query)
    names = [result["text"] for result in response.json()["results"]]
    assert names == ["Karakol site A", "Karakol site B"]
    rows = [q["sql"] for q in queries if 'FROM "heritage_heritagesite" ' in q["sql"]]
    rows = [sql for sql in rows if "COUNT(" not in sql]
    assert rows and all(from_keys(sql, 22) for sql in rows), rows


def test_every_page_of_a_few_matches_reads_their_keys_once():
    """A second page of the same paginator reads the counted keys as the first did, not the
    keys of the keys."""
    from programmes.models import Programme

    ProgrammeFactory.create_batch(3, title="Karakol field course")
    paginator = pagination.EstimatedCountPaginator(
        Programme.objects.filter(title__icontains="karakol").order_by("title"), 2
    )
    first, second = paginator.page(1), paginator.page(2)
    for page in first, second:
        assert str(page.object_list.query).count("IN (SELECT") == 1
    assert len(first) + len(second) == 3


def test_the_date_drill_down_of_a_few_matches_reads_their_keys(admin_client, past_the_admin_cap):
    """The drill-down's MIN and MAX start date over two matches walked the whole start date
    index (6.9 s each at a million programmes)."""
    ProgrammeFactory.create_batch(2, title="Karakol field course")
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(CHANGELIST, {"q": "karakol"})
    assert response.context["cl"].result_count == 2
    ranges = [q["sql"] for q in queries if "MIN(" in q["sql"] and "start_date" in q["sql"]]
    assert ranges and all(from_keys(sql, 4) for sql in ranges), ranges


def test_a_list_past_the_cap_is_read_as_it_is(admin_client, past_the_admin_cap):
    """Many matches lie all along any index: the list's own query finds a page soon."""
    with CaptureQueriesContext(connection) as queries:
        admin_client.get(CHANGELIST, {"q": "Programme"})
    ranges = [q["sql"] for q in queries if "MIN(" in q["sql"] and "start_date" in q["sql"]]
    assert ranges and not any("IN (SELECT" in sql for sql in ranges), ranges


def test_an_unfiltered_small_table_is_counted_exactly_past_the_cap(
    admin_client, past_the_admin_cap
):
    """Only narrowed lists stop at the cap: a small table (or SQLite) has every page."""
    cl = admin_client.get(CHANGELIST).context["cl"]
    assert (cl.result_count, cl.paginator.truncated, cl.paginator.num_pages) == (5, False, 3)


# --- a list searched by words: its newest matches only ------------------------------------


@pytest.fixture
def searched_past_one_page(monkeypatch):
    """One page of newest matches (24) of 30: the six oldest sort first by title."""
    monkeypatch.setattr(pagination, "SEARCH_MAX_ROWS", PAGE_SIZE)
    now = timezone.now()
    old = [
        ProgrammeFactory(
            title=f"Silk A{n}", kind="volunteering", published_at=now - timedelta(days=60 + n)
        )
        for n in range(6)
    ]
    new = [
        ProgrammeFactory(title=f"Silk N{n:02}", published_at=now - timedelta(days=n))
        for n in range(PAGE_SIZE)
    ]
    return old, new


def listed_titles(response):
    return [row.title for row in response.context["page_obj"].object_list]


def test_a_searched_list_lists_its_newest_matches_in_its_own_order(client, searched_past_one_page):
    """Sorted as a whole, a common word's matches would be read whole (a second or more at
    a million programmes): the list orders the newest matches only."""
    old, new = searched_past_one_page
    response = client.get(PROGRAMMES, {"q": "silk"})
    assert listed_titles(response) == sorted(p.title for p in new)
    html = response.content.decode()
    assert f"More than {PAGE_SIZE} results" in html
    assert f"Only the {PAGE_SIZE} most recently published matches are listed" in html
    assert "Only the first" not in html
    assert client.get(PROGRAMMES, {"q": "silk", "page": 2}).status_code == 404


def test_a_searched_lists_facets_count_what_it_lists(client, searched_past_one_page):
    response = client.get(PROGRAMMES, {"q": "silk"})
    (kinds,) = [facet for facet in response.context["facets"] if facet.name == "kind"]
    counts = {choice.value: choice.count for choice in kinds.choices}
    assert counts["student_exchange"] == PAGE_SIZE
    assert not counts.get("volunteering")


def test_the_newest_matches_are_said_in_every_language(client, searched_past_one_page):
    html = client.get("/ru" + PROGRAMMES.removeprefix("/en"), {"q": "silk"}).content.decode()
    assert f"Показаны только последние опубликованные совпадения ({PAGE_SIZE})" in html


def test_a_searched_list_within_the_cap_lists_every_match_and_says_no_more(
    client, searched_past_one_page
):
    old, _new = searched_past_one_page
    response = client.get(PROGRAMMES, {"q": "silk a"})
    assert listed_titles(response) == sorted(p.title for p in old)
    assert "most recently published" not in response.content.decode()


def test_the_staff_export_of_a_searched_list_has_every_match(
    client, reporter, searched_past_one_page
):
    client.force_login(reporter)
    response = client.get(reverse("programmes:programme_export"), {"q": "silk"})
    rows = read_export(b"".join(response.streaming_content))[1:]
    assert len(rows) == 6 + PAGE_SIZE


def key_range_pages(per_page):
    from programmes.models import Programme

    return pagination.KeyRangePaginator(
        Programme.objects.published().order_by("pk").values_list("pk", flat=True), per_page
    )


def test_key_range_pages_hold_the_rows_of_their_keys_and_keep_them():
    first, second, draft, fourth, fifth = ProgrammeFactory.create_batch(5)
    draft.status = draft.Status.DRAFT
    draft.save()

    # The pages from the first programme's to the last (keys before them are other tests'
    # on PostgreSQL, whose sequences go on).
    ours = range((first.pk + 1) // 2, (fifth.pk + 1) // 2 + 1)

    def pages():
        paginator = key_range_pages(2)
        assert paginator.num_pages == ours[-1]
        return {n: list(paginator.page(n)) for n in ours}

    def expected(*published):
        # Page n holds keys 2n - 1 and 2n, the published ones.
        expected = {n: [] for n in ours}
        for programme in published:
            expected[(programme.pk + 1) // 2].append(programme.pk)
        return expected

    assert pages() == expected(first, second, fourth, fifth)
    # Deleting a row does not move the others to another page.
    second.delete()
    assert pages() == expected(first, fourth, fifth)


def test_a_key_range_page_past_the_highest_key_is_empty_and_an_empty_list_has_one_page():
    from django.core.paginator import EmptyPage

    programme = ProgrammeFactory()
    paginator = key_range_pages(10)
    with pytest.raises(EmptyPage):
        paginator.page(paginator.num_pages + 1)
    assert programme.pk in paginator.page(paginator.num_pages)
    programme.delete()
    assert list(key_range_pages(10).page(1)) == []


def test_a_deep_key_range_page_reads_a_range_of_keys_without_counting_or_skipping():
    programmes = ProgrammeFactory.create_batch(6)
    paginator = key_range_pages(2)
    with CaptureQueriesContext(connection) as queries:
        rows = list(paginator.page(paginator.num_pages))
    assert rows == [p.pk for p in programmes if p.pk > (paginator.num_pages - 1) * 2]
    sql = " ".join(q["sql"] for q in queries)
    assert len(queries) == 2  # the highest key, then the page's rows
    assert "COUNT(" not in sql and "OFFSET" not in sql
    assert "MAX(" in queries[0]["sql"]
