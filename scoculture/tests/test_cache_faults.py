"""The cache is an accelerator, never a dependency: Redis down or not answering, every public
page still answers 200 from the database, and the outage is logged once a minute."""

import logging
import os
import runpy
import socket
import uuid

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.cache import CACHE_LOGGER, OncePerInterval
from scoculture.settings import base as base_settings
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import free_port, sitemap_locations
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

LIVE_REDIS = os.environ.get("SCO_TEST_REDIS_URL", "redis://127.0.0.1:6379/6")


def project_caches(monkeypatch, redis_url, **env):
    """CACHES as the project's settings build it for REDIS_URL=redis_url (and ``env``)."""
    for name, value in {"REDIS_URL": redis_url, **env}.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(base_settings.__file__)["CACHES"]


@pytest.fixture
def redis_down(settings, monkeypatch):
    settings.CACHES = project_caches(monkeypatch, f"redis://127.0.0.1:{free_port()}/0")
    settings.PUBLIC_PAGE_CACHE = True  # as in production: pages go through it too
    yield


@pytest.fixture
def redis_silent(settings, monkeypatch):
    """A Redis that takes the connection and never answers (a hung or overloaded server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(100)
        url = f"redis://127.0.0.1:{sock.getsockname()[1]}/0"
        settings.CACHES = project_caches(monkeypatch, url, REDIS_TIMEOUT="0.02")
        settings.PUBLIC_PAGE_CACHE = True
        yield


@pytest.fixture
def content():
    country = CountryFactory()
    soon = timezone.localdate() + timezone.timedelta(days=20)
    festival = FestivalFactory(host_country=country, start_date=soon, end_date=soon)
    ProgrammeFactory(
        host_country=country,
        partner_countries=[CountryFactory()],
        host_universities=[UniversityFactory(country=country)],
        heritage_sites=[HeritageSiteFactory(countries=[country])],
        application_deadline=soon,
    )
    return festival


def public_pages(client, festival):
    """The sitemaps and every page they name (home, lists, details, in every language), the
    calendars, the feed and a search."""
    sections, locations = sitemap_locations(client)
    pages = ["/sitemap.xml", *sections, *locations]
    for language, _name in django_settings.LANGUAGES:
        with translation.override(language):
            pages += [
                reverse("calendar"),
                reverse("festivals:festival_ics", kwargs={"slug": festival.slug}),
                reverse("programmes:programme_feed"),
                reverse("search") + "?q=silk",
            ]
    return [page.removeprefix("http://testserver") for page in pages]


def get_all(client, pages):
    return {page: client.get(page).status_code for page in pages}


def test_every_public_page_answers_with_redis_down(client, content, redis_down):
    pages = public_pages(client, content)
    assert len(pages) > 40
    assert set(get_all(client, pages).values()) == {200}
    assert set(get_all(client, pages).values()) == {200}  # the second time too


def test_the_cached_pages_answer_with_redis_not_answering(client, content, redis_silent):
    pages = ["/sitemap.xml"]
    for language, _name in django_settings.LANGUAGES:
        with translation.override(language):
            pages += [reverse("home"), reverse("calendar"), reverse("programmes:programme_list")]
    assert set(get_all(client, pages).values()) == {200}


@pytest.fixture
def fake_clock():
    """The cache logger's once-a-minute filter, on a clock the test moves."""
    [once] = [f for f in logging.getLogger(CACHE_LOGGER).filters if isinstance(f, OncePerInterval)]
    now = [1000.0]
    clock, once.clock = once.clock, lambda: now[0]
    once.reset()
    yield now
    once.clock = clock
    once.reset()


def test_the_outage_is_logged_once_a_minute_not_per_request(client, redis_down, fake_clock, caplog):
    def logged():
        return [r for r in caplog.records if r.name == CACHE_LOGGER]

    for _ in range(20):
        assert client.get("/sitemap.xml").status_code == 200
    assert len(logged()) == 1
    assert logged()[0].exc_info  # with the Redis error, for whoever reads the log
    fake_clock[0] += 59
    client.get("/sitemap.xml")
    assert len(logged()) == 1
    fake_clock[0] += 2
    client.get("/sitemap.xml")
    assert len(logged()) == 2
    assert "more since the last report" in logged()[1].getMessage()


def test_once_per_interval_filter_counts_what_it_holds_back():
    now = [0.0]
    once = OncePerInterval(seconds=60, clock=lambda: now[0])

    def record():
        return logging.LogRecord(CACHE_LOGGER, logging.ERROR, "", 0, "Exception ignored", (), None)

    assert once.filter(record())
    assert not any(once.filter(record()) for _ in range(5))
    now[0] = 60
    first_after = record()
    assert once.filter(first_after)
    assert first_after.getMessage() == "Exception ignored (and 5 more since the last report)"


@pytest.fixture
def redis_up(settings, monkeypatch):
    """The real thing, under a key prefix of its own; skipped where no Redis runs."""
    settings.CACHES = project_caches(monkeypatch, LIVE_REDIS)
    settings.CACHES["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    settings.PUBLIC_PAGE_CACHE = True
    try:
        cache.set("ping", 1)  # errors are ignored: read it back to know
        if cache.get("ping") != 1:
            pytest.skip(f"no Redis at {LIVE_REDIS}")
        yield
    finally:
        cache.delete_pattern("*")  # only this prefix's keys


def test_with_redis_up_the_cache_still_accelerates(client, redis_up, django_assert_num_queries):
    ProgrammeFactory()
    assert client.get("/sitemap-programmes-en.xml").status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/sitemap-programmes-en.xml").status_code == 200


def test_with_redis_up_pages_come_from_it(client, redis_up, django_assert_num_queries):
    ProgrammeFactory(title="From Redis")
    first = client.get("/en/programmes/")
    with django_assert_num_queries(0):
        assert client.get("/en/programmes/").content == first.content
    assert b"From Redis" in first.content
