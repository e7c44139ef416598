"""Cached public outputs (sitemaps, calendar) follow the content: scoculture.public_cache."""

import datetime
import io
import os
import urllib.request

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from festivals.tests.factories import FestivalFactory
from photos.tests.factories import PhotoFactory
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture import public_cache
from scoculture.models import Publishable
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import live_redis
from scoculture.tests.test_settings import run_settings

pytestmark = pytest.mark.django_db

DRAFT = Publishable.Status.DRAFT

SITEMAP = "/sitemap-programmes-en.xml"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def calendar_uids(client):
    return client.get(reverse("calendar")).content.decode()


# The live server reads committed rows.
@pytest.mark.django_db(transaction=True)
def test_unpublished_programme_leaves_the_sitemap_at_once_on_a_live_server(live_server):
    programme = ProgrammeFactory(slug="leaving-soon")

    def sitemap():
        with urllib.request.urlopen(live_server.url + SITEMAP) as response:
            return response.read().decode()

    assert "leaving-soon" in sitemap()
    assert "leaving-soon" in sitemap()  # now from the cache
    programme.status = DRAFT
    programme.save()
    assert "leaving-soon" not in sitemap()


def test_admin_unpublish_action_empties_the_calendar(publisher_client):
    festival = FestivalFactory(slug="cancelled-fest")
    assert f"festival-{festival.pk}@" in calendar_uids(publisher_client)
    publisher_client.post(
        reverse("admin:festivals_festival_changelist"),
        {"action": "unpublish", "_selected_action": [festival.pk]},
    )
    festival.refresh_from_db()
    assert festival.status == DRAFT
    assert f"festival-{festival.pk}@" not in calendar_uids(publisher_client)


def test_admin_publish_action_fills_the_sitemap(publisher_client):
    programme = ProgrammeFactory(status=DRAFT, published_at=None, slug="coming-in")
    assert "coming-in" not in publisher_client.get(SITEMAP).content.decode()
    publisher_client.post(
        reverse("admin:programmes_programme_changelist"),
        {"action": "publish", "_selected_action": [programme.pk]},
    )
    assert "coming-in" in publisher_client.get(SITEMAP).content.decode()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda p: p.save(), id="save"),
        pytest.param(lambda p: p.delete(), id="delete"),
        pytest.param(lambda p: p.partner_countries.add(CountryFactory()), id="m2m-add"),
        pytest.param(lambda p: p.host_country.save(), id="country"),
        pytest.param(lambda p: PhotoFactory(content_object=p), id="photo"),
    ],
)
def test_every_content_change_starts_a_new_generation(change, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    programme = ProgrammeFactory()
    before = public_cache.generation()
    assert public_cache.generation() == before
    change(programme)
    assert public_cache.generation() != before


def test_a_map_drawn_by_the_command_reaches_a_cached_page(client, settings, tmp_path):
    """`generate_locator_maps` saves no content record, only maps: they must still start a
    new generation, or a stored page would go on without the map it now has."""
    settings.MEDIA_ROOT = tmp_path
    settings.PUBLIC_PAGE_CACHE = True
    festival = FestivalFactory(latitude="39.6547", longitude="66.9758")
    url = festival.get_absolute_url()
    assert "/media/maps/" not in client.get(url).content.decode()  # now stored
    call_command("generate_locator_maps", stdout=io.StringIO())
    assert "/media/maps/" in client.get(url).content.decode()


def test_scheduled_programme_appears_when_its_time_comes(client, settings):
    settings.PUBLIC_CACHE_MAX_TIMEOUT = None  # as with Redis: only the schedule expires it
    at = timezone.now() + datetime.timedelta(hours=2)
    ProgrammeFactory(slug="scheduled", published_at=at)
    assert "scheduled" not in client.get(SITEMAP).content.decode()
    with time_machine.travel(at - datetime.timedelta(minutes=1), tick=False):
        assert "scheduled" not in client.get(SITEMAP).content.decode()
    with time_machine.travel(at + datetime.timedelta(seconds=1), tick=False):
        assert "scheduled" in client.get(SITEMAP).content.decode()


def test_a_per_process_cache_keeps_entries_a_minute_at_most(client, settings):
    settings.PUBLIC_CACHE_MAX_TIMEOUT = 60
    ProgrammeFactory(slug="kept")
    client.get(SITEMAP)
    # Another worker's change: no signal here.
    Programme.objects.update(status=DRAFT)
    assert "kept" in client.get(SITEMAP).content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61), tick=False):
        assert "kept" not in client.get(SITEMAP).content.decode()


class TestKeys:
    def test_unknown_parameters_share_the_entry(self, client, django_assert_num_queries):
        ProgrammeFactory()
        assert client.get(SITEMAP + "?p=1&x=first").status_code == 200
        with django_assert_num_queries(0):
            assert client.get(SITEMAP + "?p=1&x=second").status_code == 200
            assert client.get(SITEMAP + "?x=third&p=01").status_code == 200

    def test_calendar_ignores_its_query_string(self, client, django_assert_num_queries):
        FestivalFactory()
        client.get(reverse("calendar") + "?nocache=1")
        with django_assert_num_queries(0):
            assert client.get(reverse("calendar") + "?nocache=2").status_code == 200

    @pytest.mark.parametrize("page", ["x", "0", "-1", "1.0", "１", "9" * 30, ""])
    def test_bad_page_number_is_a_404_without_a_query(
        self, client, django_assert_num_queries, page
    ):
        ProgrammeFactory()
        with django_assert_num_queries(0):
            assert client.get(f"{SITEMAP}?p={page}").status_code == 404

    def test_out_of_range_page_is_a_404_that_is_not_stored(self, client, django_assert_num_queries):
        ProgrammeFactory()
        assert client.get(SITEMAP + "?p=2").status_code == 404
        with django_assert_num_queries(1):  # the paginator's count again
            assert client.get(SITEMAP + "?p=2").status_code == 404

    def test_browsers_and_proxies_keep_a_copy_a_minute(self, client):
        response = client.get(SITEMAP)
        assert response["Cache-Control"] == f"max-age={public_cache.HTTP_MAX_AGE}"
        assert client.get(SITEMAP)["Cache-Control"] == f"max-age={public_cache.HTTP_MAX_AGE}"


def test_with_redis_a_change_in_another_worker_reaches_this_one(client, settings):
    """Another process (a second gunicorn worker) drops the generation in the shared
    cache; this process's next request no longer serves the entry it had stored."""
    live_redis(REDIS_URL)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "scoculture",  # as settings/base.py names it
        }
    }
    settings.PUBLIC_CACHE_MAX_TIMEOUT = None
    ProgrammeFactory(slug="shared")
    try:
        assert "shared" in client.get(SITEMAP).content.decode()
        Programme.objects.update(status=DRAFT)  # no signal in this process
        assert "shared" in client.get(SITEMAP).content.decode()  # still the stored entry
        probe = (
            "import django; django.setup(); from scoculture.public_cache import content_changed; "
        )
        result = run_settings(
            "scoculture.settings.dev", probe + "content_changed()", REDIS_URL=REDIS_URL
        )
        assert result.returncode == 0, result.stderr
        assert "shared" not in client.get(SITEMAP).content.decode()
    finally:
        cache.clear()  # the test database of Redis: its entries and the generation


def test_only_get_and_head_use_the_cache(client, django_assert_num_queries):
    ProgrammeFactory()
    client.get(SITEMAP)
    with django_assert_num_queries(0):
        assert client.head(SITEMAP).status_code == 200
    with django_assert_num_queries(2):  # as cache_page: other methods reach the view
        assert client.post(SITEMAP).status_code == 200
