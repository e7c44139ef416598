"""Paginators that keep their cost flat at any table size.

Counting rows and skipping to a deep page both read every row before the page: at a million
programmes a plain COUNT(*) or OFFSET 900000 takes seconds. The public lists count at most
`MAX_PAGES` pages' worth of rows and stop there (narrowing the list is the way further); the
admin reads PostgreSQL's estimate of an unfiltered table's size instead of counting it, and
counts a filtered or searched list up to `ADMIN_COUNT_CAP` rows. The sitemaps page by ranges
of the primary key.
"""

from math import ceil

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Max
from django.utils.functional import cached_property

from .public_cache import kept

PAGE_SIZE = 24
# 200 pages of 24: further than anyone pages by hand, and an OFFSET of 4,800 rows costs little.
MAX_PAGES = 200
# A list searched by words lists its newest matches only, this many (40 pages). Its order (by
# title, say) is then applied to those alone: sorted as a whole, a common word's matches are
# read whole (at a million programmes, "silk" matches 125,000: a second or more), and walking
# the title index to the first matches is no better, since titles that share a word sort
# together, far down the index.
SEARCH_MAX_ROWS = 40 * PAGE_SIZE


class CappedPaginator(Paginator):
    """Counts at most `max_pages` pages of rows (one bounded query: COUNT over a LIMIT), so
    neither the count nor the last page's OFFSET grows with the table. `truncated` says the
    list goes on past the last page offered; a page after it is a 404 like any page past the
    end."""

    max_pages = MAX_PAGES

    # Whether the rows are a search's newest matches (`SearchedListPaginator`).
    lists_newest = False

    def __init__(self, *args, kept_as=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A key to keep the count under for the content generation (public_cache.kept): the
        # same filters count the same rows until the content changes.
        self.kept_as = kept_as
        # The rows counted: the listed ones, unless those are a part of them.
        self.counted = self.object_list

    @property
    def limit(self):
        return self.max_pages * self.per_page

    @cached_property
    def _bounded_count(self):
        if self.kept_as is None:
            return self._count_to_limit()
        return kept(f"{self.kept_as}:{self.limit}", self._count_to_limit)

    def _count_to_limit(self):
        # One row past the limit tells "exactly the limit" from "more". Unordered: any rows
        # will do, so the database stops at the limit instead of walking the sort's index
        # (a rare filter's first rows may lie far down it).
        return self.counted.order_by()[: self.limit + 1].count()

    @cached_property
    def count(self):
        return min(self._bounded_count, self.limit)

    @property
    def truncated(self):
        return self._bounded_count > self.limit


class SearchedListPaginator(CappedPaginator):
    """A list searched by words: its pages are the newest `SEARCH_MAX_ROWS` matches, in the
    list's order (`newest_matches`); the count is of every match, up to one past those, so
    `truncated` says that older matches are left out."""

    lists_newest = True

    def __init__(self, object_list, per_page, **kwargs):
        super().__init__(newest_matches(object_list), per_page, **kwargs)
        self.counted = object_list

    @property
    def limit(self):
        return SEARCH_MAX_ROWS


def newest_matches(queryset):
    """The rows of `queryset` among its `SEARCH_MAX_ROWS` most recently published, in its own
    order: what a list searched by words shows, and its facets count.

    The newest are found by walking the publication index (a common word's matches lie all
    along it) or, for a rare word, by the trigram indexes; either way a few thousand rows."""
    newest = queryset.order_by("-published_at", "-pk").values("pk")[:SEARCH_MAX_ROWS]
    return queryset.filter(pk__in=newest)


# Below this many rows (by the estimate) the admin counts: cheap, and exact for small tables.
ESTIMATE_FROM_ROWS = 10_000


def estimated_rows(queryset):
    """PostgreSQL's estimate of the rows of `queryset`'s table (kept up by ANALYZE and
    autovacuum), or None on other databases and for a table never analysed."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
            [connection.ops.quote_name(queryset.model._meta.db_table)],
        )
        row = cursor.fetchone()
    # -1: never analysed (PostgreSQL 14 and later); 0 can also mean "not yet analysed".
    return int(row[0]) if row and row[0] > 0 else None


# A filtered or searched changelist counts this many rows at most (20 pages of 50), then says
# "more than" and offers those pages: past them an editor narrows the search. A common word
# matches a tenth of a million programmes, which an exact count read (1.5 s); reaching the cap
# reads about ten rows a match in that case (20 ms for 1,000, 170 ms for 10,000).
ADMIN_COUNT_CAP = 1_000


class EstimatedCountPaginator(Paginator):
    """The admin changelists' paginator: an unfiltered list of a big table on PostgreSQL gets
    the planner's row estimate, not a COUNT(*) of the whole table (a small table and SQLite
    are counted); a filtered or searched list counts exactly up to `ADMIN_COUNT_CAP` rows (one
    COUNT over a LIMIT, in no order), and `truncated` says it stopped there."""

    # Rows counted at most; ADMIN_COUNT_CAP unless set (the autocomplete sets less).
    cap = None

    @cached_property
    def _count_and_truncated(self):
        cap = self.cap or ADMIN_COUNT_CAP
        queryset = self.object_list
        if not queryset.query.where:
            estimate = estimated_rows(queryset)
            if estimate is not None and estimate >= ESTIMATE_FROM_ROWS:
                return estimate, False
            # A small table (or SQLite, development): the whole list, counted exactly, so
            # every page of it stays reachable.
            return queryset.count(), False
        # Unordered: a sliced query keeps its ORDER BY, and the list's order (a title index
        # walked past rows that do not match) is no use to a count.
        counted = queryset.order_by()[: cap + 1].count()
        return min(counted, cap), counted > cap

    @property
    def count(self):
        return self._count_and_truncated[0]

    @property
    def truncated(self):
        return self._count_and_truncated[1]

    def page(self, number):
        # The count was taken over the list as given; its pages read the counted rows' keys.
        self.object_list = self._rows_from_keys
        return super().page(number)

    @cached_property
    def _rows_from_keys(self):
        return self.from_keys(self.object_list)

    def from_keys(self, queryset):
        """A filtered `queryset` this paginator counted whole (`cap` rows at most) as the rows
        of their keys, so the database reads those rows alone for a page or an aggregate.

        Ordered or aggregated over the filter itself, the database walks an index of the
        order or aggregated column, expecting a match every few rows: a rare word's one
        heritage site lay 81,000 names down (233 ms at 100,000 sites, for the autocomplete's
        first 20), and the date drill-down's MIN and MAX of a programme's start date read the
        whole index for two matches (6.9 s each at a million programmes)."""
        if not queryset.query.where or self.truncated:
            return queryset
        cap = self.cap or ADMIN_COUNT_CAP
        return queryset.filter(pk__in=queryset.order_by().values("pk")[: cap + 1])


class KeyRangePaginator(Paginator):
    """Pages of a queryset by ranges of its primary key: page n holds the rows whose key lies
    in ((n - 1) * per_page, n * per_page], in key order. Neither a COUNT nor an OFFSET, so page
    200 of a million rows costs what page 1 does: the highest key (one step down the key's
    index) and a range of that index. A page holds at most `per_page` rows, fewer where rows
    were deleted or are not in the queryset (drafts), and a row keeps its page for good.

    For the sitemaps: their pages must be small and stable, not full; a list a visitor reads
    page by page wants full pages (`CappedPaginator`)."""

    @cached_property
    def num_pages(self):
        highest = self.object_list.aggregate(highest=Max("pk"))["highest"] or 0
        return max(1, ceil(highest / self.per_page))

    def page(self, number):
        number = self.validate_number(number)
        last_key = number * self.per_page
        rows = self.object_list.filter(pk__gt=last_key - self.per_page, pk__lte=last_key)
        return self._get_page(rows, number, self)
