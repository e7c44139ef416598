"""Every public page, and the programme admin's, at scale: its time against its main query's.

    .venv/bin/python bench/scale_benchmark.py                       # SQLite: 20k + 2k x 3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/scale_benchmark.py --programmes 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sco_big \\
        .venv/bin/python bench/scale_benchmark.py --existing       # already filled
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sco_big \\
        .venv/bin/python bench/scale_benchmark.py --existing --admin --baseline 1000

Without --existing it migrates a throw-away database (a temporary SQLite file; with
DATABASE_URL a new PostgreSQL database on that server), fills it with `generate_data` (N
programmes, N/10 festivals, universities and heritage sites), analyses it and deletes it after.
With --existing it reads the database DATABASE_URL names as it is (for a million programmes,
which take some ten minutes to generate), on PostgreSQL in read-only transactions: the staff
user exists only in this process (an authentication backend) and its session only in a
signed cookie, so nothing is written.

The pages are the query plan test's (portal/tests/pages.py: each list with each filter its
form offers, every sort, the last page offered and one far past it, details, country, home,
search, feeds, calendars, sitemaps) and the programme admin's (changelist, search, filters,
autocomplete). Each is requested through Django's test client in this process with the cache
emptied, best of three (--repeat), so the time is the view's: queries, Python and template,
no network. With --kept the cache is emptied once a page and the page requested once before
the timed requests: the figures kept per content generation (the countries' and home's counts,
the facets) are then read, as every request after a generation's first reads them (the page
cache stays off: the test settings). With --warmed the warmer (portal.warming) runs once for a
new generation and the cache is put back as it left it before each request: a page's first
request after a change, on a site that runs `warm_public_pages`. Printed: status, queries, the
slowest ("main") query, all SQL, the page, page / main; pages over 5x their main query or over
300 ms are marked.

--admin measures only the admin's pages; --baseline N measures them again on a scratch
database of N programmes (a child run of this script) and prints each page's time at size
over its time there (the admin's target: within 3x of a 1,000-row table).
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from export_benchmark import last_json_line, scratch_database  # noqa: E402
from generate_benchmark import manage  # noqa: E402

RATIO_TARGET = 5
TIME_TARGET_MS = 300
STAFF = "bench-scale"


def admin_urls():
    from django.urls import reverse

    changelist = reverse("admin:programmes_programme_changelist")
    autocomplete = reverse("admin:autocomplete")

    def suggestions(model_name, field_name, term):
        return (
            autocomplete,
            {
                "app_label": "programmes" if model_name == "programme" else "festivals",
                "model_name": model_name,
                "field_name": field_name,
                "term": term,
            },
        )

    return [
        (changelist, {}),
        (changelist, {"q": "silk"}),
        (changelist, {"q": "silk", "o": "7"}),  # by start date (0: the checkboxes)
        (changelist, {"q": "samarkand"}),  # a rare word: few rows, the date drill-down's range
        (changelist, {"status__exact": "published", "kind__exact": "summer_school"}),
        (changelist, {"host_country__id__exact": "1"}),
        (changelist, {"start_date__year": "2027"}),
        (changelist, {"start_date__year": "2027", "start_date__month": "6"}),
        (changelist, {"p": 100}),
        suggestions("festival", "heritage_sites", "silk"),
        suggestions("programme", "host_universities", "state"),
    ]


class InProcessStaff:
    """An authentication backend whose one user, a superuser, lives in this process only: the
    admin is measured without writing a user, a login or a session to the database."""

    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        from django.contrib.auth import get_user_model

        return get_user_model()(
            pk=0, username=STAFF, password="!", is_active=True, is_staff=True, is_superuser=True
        )


def staff_client():
    """A test client signed in as InProcessStaff's user, its session in a signed cookie."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.test import Client

    session = SessionStore()
    session[SESSION_KEY] = "0"
    session[BACKEND_SESSION_KEY] = f"{__name__}.InProcessStaff"
    session[HASH_SESSION_KEY] = InProcessStaff().get_user(0).get_session_auth_hash()
    session.save()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


class QueryTimer:
    """Times each query with perf_counter (Django's captured times round to milliseconds)."""

    def __init__(self):
        self.times = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.times.append(time.perf_counter() - started)


def warmed_cache():
    """The cache as the warmer leaves a new content generation (portal.warming), to be put
    back before each page: what one page keeps must not serve the next."""
    from django.core.cache import cache

    from portal.warming import warm

    cache.clear()
    started = time.perf_counter()
    pages = warm("http://localhost")
    print(f"warmed {len(pages)} pages in {time.perf_counter() - started:.1f} s\n")
    # The test settings' local-memory cache: its entries are this process's dictionaries.
    return dict(cache._cache), dict(cache._expire_info)


def restore(cache, saved):
    entries, expiry = saved
    cache.clear()
    cache._cache.update(entries)
    cache._expire_info.update(expiry)


def measure(client, url, query, repeat, kept=False, warmed=None):
    from django.core.cache import cache
    from django.db import connection

    best = None
    if kept:  # the figures kept per content generation are built once, then read
        cache.clear()
        client.get(url, query, HTTP_HOST="localhost")
    for _ in range(repeat):
        if warmed is not None:
            restore(cache, warmed)
        elif not kept:
            cache.clear()
        timer = QueryTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            response = client.get(url, query, HTTP_HOST="localhost")
            seconds = time.perf_counter() - started
        if best is None or seconds < best[0]:
            times = timer.times
            best = (seconds, response.status_code, len(times), max(times, default=0), sum(times))
    return best


HEADER = (
    f"{'page':58} {'status':>6} {'queries':>7} {'main ms':>8} {'SQL ms':>7} "
    f"{'page ms':>8} {'page/main':>9}"
)


def row_line(label, row):
    seconds, status, count, main, sql = row
    ratio = seconds / main if main else 0
    slow = ratio > RATIO_TARGET or seconds * 1000 > TIME_TARGET_MS
    return (
        f"{label[:58]:58} {status:>6} {count:>7} {main * 1000:>8.1f} {sql * 1000:>7.1f} "
        f"{seconds * 1000:>8.1f} {ratio:>9.1f}{'  *' if slow else ''}"
    )


def summary(rows):
    ratios = sorted(seconds / main for seconds, _s, _c, main, _q in rows if main)
    over = sum(1 for row in rows if row[0] * 1000 > TIME_TARGET_MS)
    return (
        f"\n{len(rows)} pages; page/main median {ratios[len(ratios) // 2]:.1f}, "
        f"worst {ratios[-1]:.1f}; {over} over {TIME_TARGET_MS} ms "
        f"(* : over {RATIO_TARGET}x the main query or {TIME_TARGET_MS} ms)"
    )


def warm_the_process(client, urls):
    """One request of each path (each view, in each language), with its first parameters, so
    that no page measured pays for what a running server does once: compiling its templates,
    loading a language's translations. Measured first, the home page took 2.9 s against
    1.1 to 1.4 s after these. The cache is emptied after, so no figure they kept serves a page."""
    from django.core.cache import cache

    paths = {}
    for url, query in urls:
        paths.setdefault(url, query)
    for path, query in paths.items():
        client.get(path, query, HTTP_HOST="localhost")
    cache.clear()
    return len(paths)


def run(repeat, admin_only=False, kept=False, warmed=False):
    """Requests the pages and prints a line each; returns {page: (seconds, status, queries,
    main, SQL)}."""
    from urllib.parse import urlencode

    from django.db import connection
    from django.test import Client, override_settings

    from portal.tests.pages import public_urls

    print(f"{connection.vendor}: {connection.settings_dict['NAME']}\n")
    rows = {}
    with override_settings(
        SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies",
        AUTHENTICATION_BACKENDS=[f"{__name__}.InProcessStaff"],
        # The site's own local-memory cache holds 2,000 entries (settings/base.py), the test
        # settings' Django's 300: warmed, 21 pages' cards and figures would cull each other.
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "OPTIONS": {"MAX_ENTRIES": 2000},
            }
        },
    ):
        pages = [(staff_client(), admin_urls())]
        if not admin_only:
            pages.insert(0, (Client(), public_urls()))
        started = time.perf_counter()
        paths = sum(warm_the_process(client, urls) for client, urls in pages)
        print(f"requested {paths} paths once in {time.perf_counter() - started:.1f} s\n")
        saved = warmed_cache() if warmed else None
        print(HEADER, flush=True)
        for client, urls in pages:
            for url, query in urls:
                label = f"{url}?{urlencode(query)}" if query else url
                rows[label] = measure(client, url, query, repeat, kept, saved)
                print(row_line(label, rows[label]), flush=True)  # a long run shows as it goes
    print(summary(list(rows.values())))
    return rows


def baseline(programmes, repeat):
    """The admin pages' rows on a scratch database of `programmes` programmes, measured by a
    child run of this script (its own Django, database and process)."""
    return last_json_line(
        __file__, "--admin", f"--programmes={programmes}", f"--repeat={repeat}", "--json"
    )


def print_against(rows, small, programmes):
    print(f"\nagainst {programmes:,} programmes (page ms there, and here / there):")
    for label, (seconds, status, *_rest) in rows.items():
        there, status_there, *_rest = small[label]
        ratio = f"{seconds / there:>6.1f}x" if status == status_there else f"status {status_there}"
        print(f"{label[:80]:80} {there * 1000:>8.1f} {ratio}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--programmes", type=int, default=20_000)
    parser.add_argument("--existing", action="store_true", help="measure DATABASE_URL as is")
    parser.add_argument("--repeat", type=int, default=3, help="requests a page, best kept")
    parser.add_argument(
        "--kept",
        action="store_true",
        help="keep the figures counted once per content generation (counts, facets): "
        "measure a page's later requests, not the first of a generation",
    )
    parser.add_argument(
        "--warmed",
        action="store_true",
        help="measure each page's first request after the warmer (warm_public_pages) ran "
        "for a new content generation",
    )
    parser.add_argument("--admin", action="store_true", help="only the admin's pages")
    parser.add_argument("--baseline", type=int, metavar="N", help="admin pages against N rows")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    small = baseline(args.baseline, args.repeat) if args.baseline else None

    drop = None
    url = os.environ.get("DATABASE_URL", "")
    if not args.existing:
        url, _vendor, drop = scratch_database(url)
        others = max(args.programmes // 10, 1)
        manage(url, "migrate", "--noinput", "-v0")
        manage(
            url,
            "generate_data",
            f"--programmes={args.programmes}",
            *(f"--{kind}={others}" for kind in ("festivals", "universities", "heritage-sites")),
        )
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "scoculture.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    if args.existing and connection.vendor == "postgresql":
        # Perhaps a shared database: any write fails instead of landing.
        options = connection.settings_dict.setdefault("OPTIONS", {})
        options["options"] = "-c default_transaction_read_only=on"
    try:
        if not args.existing:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        admin_only = args.admin or args.baseline
        rows = run(args.repeat, admin_only, kept=args.kept, warmed=args.warmed)
        if small:
            print_against(rows, small, args.baseline)
        if args.json:
            print(json.dumps(rows))
    finally:
        connection.close()
        if drop:
            drop()


if __name__ == "__main__":
    main()
