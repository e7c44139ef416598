"""Cards, and the rows of a page's item lists, rendered once per content generation and
shared by every anonymous page that shows them (scoculture.public_cache, scoculture.page_cache).

A list page builds some twenty cards of about 35 template nodes each: most of its cost. The
same card shows on the list's pages, sorted and filtered, in the same language all day. Each
row's HTML is filed under the generation token, the language, the loop that renders it and the
row's model and primary key; all the rows of a loop are read in one cache round trip and the
missing ones stored in one more. A save, deletion, link change or bulk action drops the token,
and so do the next scheduled publication or expiry and midnight ("closing soon", "past
event"), so a card never outlives what it shows, and an unpublished record, no longer in the
page's rows, is never asked for.

Only requests that `PublicPageCacheMiddleware` marks with `public_generation` use it
(anonymous GET and HEAD under a language prefix, no session, no preview): staff always get
cards built for them, and never leave theirs behind. A cached loop's body must depend only on
its row, the language and the date, as the cards do: no `request`, no user, no `forloop`.

A queryset not yet run is run without its prefetches and joins (`with_published`), which are
made only for the rows that the cache lacks: a list page with every card stored makes none of
them.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet, prefetch_related_objects
from django.utils import translation
from django.utils.safestring import mark_safe

from .public_cache import capped_timeout


def joined_lookups(joins, prefix=""):
    """`select_related`'s tree ({"host_country": {}}) as prefetch lookups (["host_country"])."""
    lookups = []
    for name, below in joins.items():
        lookups += joined_lookups(below, f"{prefix}{name}__") or [f"{prefix}{name}"]
    return lookups


def rows_and_prefetches(rows):
    """The rows as a list, and the prefetches still to make for those rendered.

    The related records a queryset joins (`with_published`'s countries) are fetched for the
    rendered rows too, by one query: a page whose cards are all stored builds none of them."""
    if isinstance(rows, QuerySet) and rows._result_cache is None:
        # Django keeps no public accessor for a queryset's prefetch lookups or joins.
        lookups = list(rows._prefetch_related_lookups)
        joins = rows.query.select_related
        if isinstance(joins, dict):
            lookups = joined_lookups(joins) + lookups
            rows = rows.select_related(None)
        return list(rows.prefetch_related(None) if lookups else rows), lookups
    return list(rows), ()


def fragment_key(state, fragment, row):
    return row_key(state, fragment, row._meta.label_lower, row.pk)


def row_key(state, fragment, label, pk):
    language = translation.get_language()
    return f"fragment:{state['token']}:{language}:{fragment}:{label}:{pk}"


def render_rows(rows, render, *, state, fragment):
    """`render(row)` for each row, from the cache where the generation `state` (the request's
    `public_generation`) holds it; `fragment` names the template loop that renders them.

    A queryset not yet run is first asked for its rows' keys alone: when every row is
    stored, as on most requests, the page never reads nor builds the rows themselves."""
    found = {}
    if isinstance(rows, QuerySet) and rows._result_cache is None:
        label = rows.model._meta.label_lower
        keys = [row_key(state, fragment, label, pk) for pk in rows.values_list("pk", flat=True)]
        found = cache.get_many(keys) if keys else {}
        if len(found) == len(keys):
            return [mark_safe(found[key]) for key in keys]
    rows, prefetches = rows_and_prefetches(rows)
    keys = [fragment_key(state, fragment, row) for row in rows]
    # Only what the keys' lookup did not find (or rows that came since) is asked again.
    unread = [key for key in keys if key not in found]
    found.update(cache.get_many(unread) if unread else {})
    missing = [row for row, key in zip(rows, keys, strict=True) if key not in found]
    if missing:
        prefetch_related_objects(missing, *prefetches)
        built = {fragment_key(state, fragment, row): str(render(row)) for row in missing}
        timeout = capped_timeout(settings.PUBLIC_PAGE_CACHE_TIMEOUT, state["until"])
        cache.set_many(built, timeout)
        found.update(built)
    return [mark_safe(found[key]) for key in keys]
