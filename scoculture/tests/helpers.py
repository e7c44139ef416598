"""Helpers the content apps' tests share: filters, list cards, drafts, calendars, sitemaps,
and the live tests' ports, commands and Redis."""

import datetime
import json
import re
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from icalendar import Calendar

from scoculture.models import Publishable

DRAFT = {"status": Publishable.Status.DRAFT}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def scheduled():
    """A publication two days ahead: published, not yet visible."""
    return {"published_at": timezone.now() + timezone.timedelta(days=2)}


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def slugs(filterset):
    return sorted(obj.slug for obj in filterset.qs)


def result(filter_class, **data):
    """The slugs a valid filter form keeps."""
    filterset = filter_class(data)
    assert filterset.is_valid(), filterset.errors
    return slugs(filterset)


def card_links(response):
    """The detail links of the cards on a list page, in order (duplicates kept)."""
    return re.findall(r'class="card__title"><a href="([^"]+)"', response.content.decode())


def events(response):
    """{uid: VEVENT} of an iCalendar response."""
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}


def sitemap_locations(client):
    """Every <loc> of every sitemap the index names."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = [
        loc.text for loc in ET.fromstring(index.content).findall("s:sitemap/s:loc", SITEMAP_NS)
    ]
    locations = set()
    for section in sections:
        response = client.get(section.removeprefix("http://testserver"))
        assert response.status_code == 200
        locations |= {
            loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)
        }
    return sections, locations


def live_redis(url):
    """A client of the Redis server at `url`, or the test skipped, saying so, without one."""
    redis = pytest.importorskip("redis")
    server = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        server.ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {url}")
    return server


def free_port():
    """A local port with nothing listening on it (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def python(env, *args):
    """The stdout of `python *args`, run in the repository's folder with the environment `env`;
    the test fails, with its stderr, if it does."""
    result = subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def manage(env, *args):
    return python(env, "manage.py", *args)


def query_plan(query, *priced_out, format="text"):
    """The database's plan for `query` (SQL, or a queryset). On PostgreSQL the named steps
    ("seqscan", "sort", "bitmapscan") are priced out first: a few test rows would be scanned
    and sorted whatever indexes exist, so the plan then shows what the indexes can serve. A
    "json" plan comes parsed."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for step in priced_out:
                cursor.execute(f"SET LOCAL enable_{step} = off")
        if not isinstance(query, str):
            return query.explain(format=None if format == "text" else format)
        cursor.execute(f"EXPLAIN (FORMAT {format.upper()}) {query}")
        rows = [row[0] for row in cursor.fetchall()]
    if format == "json":
        return json.loads(rows[0]) if isinstance(rows[0], str) else rows[0]
    return "\n".join(rows)
