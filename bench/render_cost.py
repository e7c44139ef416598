"""What building a public page costs in one process, with and without the fragment cache.

    .venv/bin/python bench/render_cost.py [--rounds 20] [--redis-url redis://127.0.0.1:6379/14]

No server and no client threads, so the figures hold on a busy machine better than
bench/load.py's rates: the scratch site of the load test (scratch_site.py: settings.prod, the
demo data and a copy of each row, a temporary SQLite file), the page cache off, each page
requested through Django's test client as an anonymous visitor. For each page, with the
fragment cache on (its cards stored by a first request, as a visitor after another finds
them) and off, it prints the queries, the Python function calls (cProfile, one request: they
do not vary with the machine's load) and the best time of --rounds requests, the two
configurations taking turns. With --redis-url (its database is emptied) the cache is Redis,
as in production; without, each process's memory cache.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scratch_site import ROOT, ScratchSite  # noqa: E402

PAGES = [
    ("home", "/en/"),
    ("list", "/en/programmes/"),
    ("list, Russian", "/ru/festivals/"),
    ("list, Chinese", "/zh-hans/universities/"),
    ("list, filtered", "/en/programmes/?kind=student_exchange&sort=deadline"),
    ("list, page 2", "/en/programmes/?page=2"),
    ("search", "/en/search/?q=university"),
]


def detail_pages():
    from festivals.models import Festival
    from heritage.models import HeritageSite
    from programmes.models import Programme

    return [
        (f"detail, {name}", model.objects.published().first())
        for name, model in (
            ("programme", Programme),
            ("festival", Festival),
            ("site", HeritageSite),
        )
    ]


def measure(client, url, rounds, settings):
    """{fragments on/off: (queries, calls, best ms)}, the two taking turns."""
    from django.db import connection

    results = {}
    for on in (True, False):
        settings.PUBLIC_FRAGMENT_CACHE = on
        assert client.get(url).status_code == 200, url  # stores the cards
        queries = []

        def count(execute, *args, queries=queries):
            queries.append(args[0])
            return execute(*args)

        with connection.execute_wrapper(count):
            client.get(url)
        profile = cProfile.Profile()
        profile.runcall(client.get, url)
        results[on] = [len(queries), pstats.Stats(profile).total_calls, float("inf")]
    for _ in range(rounds):
        for on in (True, False):
            settings.PUBLIC_FRAGMENT_CACHE = on
            start = time.perf_counter()
            client.get(url)
            results[on][2] = min(results[on][2], (time.perf_counter() - start) * 1000)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--redis-url", default="")
    args = parser.parse_args()
    site = ScratchSite(copies=1)
    try:
        site.prepare()
        os.environ.update(site.env, DJANGO_PAGE_CACHE="false", DJANGO_DEBUG="false")
        if args.redis_url:
            import redis

            redis.Redis.from_url(args.redis_url).flushdb()
            os.environ["REDIS_URL"] = args.redis_url
        os.chdir(ROOT)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.conf import settings
        from django.test import Client

        client = Client(HTTP_HOST="localhost")
        pages = PAGES + [(name, row.get_absolute_url()) for name, row in detail_pages()]
        print(f"cache: {'Redis' if args.redis_url else 'memory'}; best of {args.rounds}")
        print("page                 queries on/off   calls on/off        best ms on/off  x")
        for name, url in pages:
            on, off = measure(client, url, args.rounds, settings).values()
            print(
                f"{name:20} {on[0]:>7} / {off[0]:<5} {on[1]:>8,} / {off[1]:<9,}"
                f" {on[2]:>6.1f} / {off[2]:<6.1f} {off[2] / on[2]:.1f}"
            )
    finally:
        site.remove()


if __name__ == "__main__":
    main()
