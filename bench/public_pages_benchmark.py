"""Time of the public pages that cross kinds (detail pages, country, home, search, feeds,
sitemaps) with many programmes, in a scratch database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/public_pages_benchmark.py --programmes 50000
    .venv/bin/python bench/public_pages_benchmark.py              # SQLite, 20,000 programmes

Generates N published programmes (titles in three languages, summaries of common words), all
hosted by one country, so every country filter and cross-link meets all of them; then requests
each page through Django's test client with an empty cache, best of three, and prints the
number of queries, the slowest query and the time. With DATABASE_URL it works in a new
PostgreSQL database next to the one named, dropped afterwards; else in a temporary SQLite file.
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "silk",
    "road",
    "heritage",
    "summer",
    "school",
    "camp",
    "language",
    "culture",
    "music",
    "film",
    "dance",
    "opera",
    "tea",
    "caravan",
    "steppe",
    "mountain",
    "river",
    "city",
    "museum",
    "archive",
    "painting",
    "craft",
]


def scratch_postgres(url):
    import psycopg

    name = f"scoculture_bench_pages_{os.getpid()}"
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f"CREATE DATABASE {name}")

    def drop():
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.close()

    return urlunsplit(urlsplit(url)._replace(path="/" + name)), drop


def generate(count):
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from festivals.models import Festival
    from heritage.models import HeritageSite
    from programmes.models import Programme
    from scoculture.models import Country
    from universities.models import University

    call_command("migrate", verbosity=0)
    random.seed(1)
    china = Country.objects.create(
        name="China", code="CN", slug="china", sco_status="member", status="published"
    )
    now = timezone.now()
    today = timezone.localdate()
    site = HeritageSite.objects.create(
        name="Mogao Caves",
        slug="mogao",
        category="cultural",
        year_inscribed=1987,
        status="published",
    )
    site.countries.add(china)
    University.objects.create(
        name="Peking University", slug="pku", country=china, status="published"
    )
    Festival.objects.create(
        title="Silk Road festival",
        slug="festival",
        kind="music",
        host_country=china,
        sector="government",
        status="published",
        start_date=today + datetime.timedelta(days=20),
    )
    Programme.objects.bulk_create(
        [
            Programme(
                title_en=f"{' '.join(random.sample(WORDS, 4))} {n}",
                title_ru=f"программа {n}",
                title_zh_hans=f"项目{n}",
                summary_en=" ".join(random.choices(WORDS, k=30)),
                slug=f"programme-{n}",
                kind="training",
                host_country=china,
                sector="university",
                level="master",
                application_deadline=today + datetime.timedelta(days=n % 400 - 100),
                status="published",
                published_at=now,
            )
            for n in range(count)
        ],
        batch_size=5000,
    )
    Programme.objects.get(slug="programme-0").heritage_sites.add(site)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def measure():
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    pages = [
        "/en/programmes/programme-0/",
        "/en/festivals/festival/",
        "/en/universities/pku/",
        "/en/heritage/mogao/",
        "/en/countries/china/",
        "/en/",
        "/en/search/?q=opera",
        "/en/search/?q=caravan+steppe",
        "/ru/search/?q=программа+4242",
        "/zh-hans/search/?q=项目42",
        "/en/calendar.ics",
        "/en/programmes/feed.rss",
        "/sitemap.xml",
        "/sitemap-programmes-ru.xml",
    ]
    print(f"{'page':34} {'status':>6} {'queries':>7} {'slowest q':>10} {'time':>9}")
    for url in pages:
        times = []
        for _ in range(3):
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url, HTTP_HOST="localhost")
                times.append(time.perf_counter() - started)
        slowest = max((float(q["time"]) for q in queries.captured_queries), default=0)
        print(
            f"{url:34} {response.status_code:>6} {len(queries.captured_queries):>7} "
            f"{slowest * 1000:>8.0f}ms {min(times) * 1000:>7.0f}ms"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programmes", type=int, default=20_000)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    drop = None
    if url.startswith("postgres"):
        url, drop = scratch_postgres(url)
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "scoculture.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    try:
        started = time.perf_counter()
        generate(args.programmes)
        print(
            f"{args.programmes} programmes on {connection.vendor}, "
            f"generated in {time.perf_counter() - started:.0f} s\n"
        )
        measure()
    finally:
        connection.close()
        if drop:
            drop()


if __name__ == "__main__":
    main()
