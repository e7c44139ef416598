"""How fast `manage.py generate_data` fills a scratch database.

    .venv/bin/python bench/generate_benchmark.py                  # SQLite: 100k + 10k x 3
    .venv/bin/python bench/generate_benchmark.py --programmes 1000000 --others 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/generate_benchmark.py

Migrates a throw-away database (a temporary SQLite file; with DATABASE_URL a new PostgreSQL
database on that server), times `generate_data` in its own process, counts what it wrote
(records and their many-to-many links) and the database's size, then deletes the database.
Prints records per second and all rows (records and links) per second.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export_benchmark import scratch_database  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# Run by `manage.py shell -c`: records and link rows of the four generated kinds, and the size.
COUNT_SNIPPET = """
import json
from django.apps import apps
from django.db import connection
records = links = 0
for name in ("programmes.programme", "festivals.festival", "universities.university",
             "heritage.heritagesite"):
    model = apps.get_model(name)
    records += model.objects.count()
    links += sum(f.remote_field.through.objects.count() for f in model._meta.many_to_many)
with connection.cursor() as cursor:
    if connection.vendor == "postgresql":
        cursor.execute("SELECT pg_database_size(current_database())")
    else:
        cursor.execute("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size")
    size = cursor.fetchone()[0]
print(json.dumps({"records": records, "links": links, "bytes": size}))
"""


def manage(url, *args, capture=False):
    env = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=False,
        capture_output=capture,
        text=True,
    )
    if result.returncode:
        raise SystemExit(result.stderr if capture else f"manage.py {args[0]} failed")
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--programmes", type=int, default=100_000)
    parser.add_argument("--others", type=int, default=10_000, help="festivals, universities, sites")
    parser.add_argument("--batch-size", type=int, default=5000)
    args = parser.parse_args()

    url, vendor, drop = scratch_database(os.environ.get("DATABASE_URL", ""))
    try:
        manage(url, "migrate", "--noinput", "-v0")
        started = time.perf_counter()
        manage(
            url,
            "generate_data",
            f"--programmes={args.programmes}",
            f"--festivals={args.others}",
            f"--universities={args.others}",
            f"--heritage-sites={args.others}",
            f"--batch-size={args.batch_size}",
        )
        seconds = time.perf_counter() - started
        counts = json.loads(
            manage(url, "shell", "-c", COUNT_SNIPPET, capture=True).splitlines()[-1]
        )
    finally:
        drop()
    records, links = counts["records"], counts["links"]
    print(
        f"{'database':10} {'programmes':>10} {'others':>7} {'seconds':>8} {'records/s':>10} "
        f"{'links':>9} {'all rows/s':>10} {'size MB':>8}"
    )
    print(
        f"{vendor:10} {args.programmes:>10} {args.others:>7} {seconds:>8.1f} "
        f"{records / seconds:>10,.0f} {links:>9} {(records + links) / seconds:>10,.0f} "
        f"{counts['bytes'] / 1e6:>8.0f}"
    )


if __name__ == "__main__":
    main()
