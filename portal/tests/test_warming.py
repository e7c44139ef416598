"""A content generation's figures built before any visitor asks (portal/warming.py, the
warm_public_pages command): the first visit after a change reads them like any later one."""

import re
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core import signals
from django.core.management import CommandError, call_command
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from festivals.tests.factories import FestivalFactory
from portal.warming import warmed_paths
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
PAGES = ["/en/programmes/", "/ru/countries/", "/zh-hans/", "/ru/festivals/", "/en/calendar.ics"]


@contextmanager
def in_the_tests_transaction():
    """The site's handler closes stale connections around each request, as under a server;
    the test's transaction must outlive them (PostgreSQL; Django's test client does the same
    around its own requests, and connects the handler again after each)."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def content():
    kz = CountryFactory(slug="kz")
    ProgrammeFactory.create_batch(3, host_country=kz, partner_countries=[CountryFactory()])
    FestivalFactory(host_country=kz)


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def warm_public_pages(**options):
    with in_the_tests_transaction():
        call_command("warm_public_pages", stderr=mock.Mock(), **options)


def warm(**options):
    """The lines the command wrote, without the times they took."""
    out = mock.Mock()
    warm_public_pages(url=SITE, stdout=out, **options)
    written = "".join(call.args[0] for call in out.write.call_args_list)
    return [line.split(" in ")[0] for line in written.splitlines()]


@pytest.mark.parametrize("path", PAGES)
def test_the_first_visit_after_a_change_reads_what_was_built_for_it(client, content, path):
    ProgrammeFactory()  # a change: a new generation, counted afresh by its first request
    first, later = queries(client, path), queries(client, path)
    assert first > later
    ProgrammeFactory()
    warm(verbosity=0)
    assert queries(client, path) == later


def test_each_generation_is_warmed_once_in_every_language(content):
    translation.activate("ru")
    written = warm()
    assert translation.get_language() == "ru"  # not the last page's language
    assert written == [f"{path}: 200" for path in warmed_paths()]
    assert {"/en/programmes/", "/ru/programmes/", "/zh-hans/heritage/"} <= set(warmed_paths())
    assert warm(verbosity=2) == ["This content generation is warm already."]
    ProgrammeFactory()
    assert warm() == written


def test_with_every_it_warms_each_new_generation_until_stopped(content):
    changes = iter([ProgrammeFactory, KeyboardInterrupt])

    def sleep(seconds):
        assert seconds == 2.5
        change = next(changes)
        if change is KeyboardInterrupt:
            raise change
        change()

    with mock.patch("time.sleep", sleep):
        written = warm(every=2.5)
    assert written.count("/en/programmes/: 200") == 2


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"url": "ftp://example.org"}, "--url: The site's address must be an http(s) address"),
        ({"url": SITE, "every": 0}, "--every must be a number of seconds above 0"),
        ({"url": "http://elsewhere.example"}, "did not answer 200: is the address's host in"),
    ],
)
def test_a_bad_address_or_interval_is_a_clear_error(content, options, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        warm_public_pages(verbosity=0, **options)


def test_the_dumps_refuse_a_bad_address_clearly():
    with pytest.raises(CommandError, match="--url: The site's address must be an http"):
        call_command("build_dumps", url="example.org", verbosity=0)
