"""The warmer as deployed: gunicorn serves the site while `warm_public_pages` runs as a
process of its own, both on one database file and one Redis. What the warmer keeps must be
what the server's workers read (the same keys, generation and code release)."""

import os
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings

from scoculture.tests.helpers import free_port, live_redis, manage

REDIS_URL = os.environ.get("TEST_REDIS_WARMING_URL", "redis://127.0.0.1:6379/9")


@pytest.fixture
def redis():
    """This test's own Redis database, empty."""
    server = live_redis(REDIS_URL)
    server.flushdb()
    yield server
    server.flushdb()


@pytest.fixture
def environment(tmp_path, redis):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="scoculture.settings.dev",
        DJANGO_ENV_FILE="",
        DJANGO_DEBUG="false",
        # The pages themselves stay uncached: what is measured is the figures they keep.
        DJANGO_PAGE_CACHE="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        REDIS_URL=REDIS_URL,
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_data", "-v0")
    return env


@pytest.fixture
def site(environment):
    """The site's address, served by gunicorn with one worker."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "scoculture.wsgi", f"--bind=127.0.0.1:{port}"]
        + ["--workers=1", "--graceful-timeout=2", "--access-logfile=/dev/null"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                get(url + "/robots.txt")  # reads nothing the warmer keeps
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"gunicorn stopped: {server.stderr.read()}")
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(20)


def get(url):
    with urllib.request.urlopen(url, timeout=20) as response:
        assert response.status == 200
        return response.read()


def kept(redis):
    """The figures kept in Redis (public_cache.kept), under any generation."""
    return set(redis.scan_iter("*:kept:*"))


def test_the_servers_first_request_after_a_change_reads_what_the_warmer_kept(
    environment, site, redis
):
    out = manage(environment, "warm_public_pages", f"--url={site}")
    assert out.count(": 200 in ") == 24, out
    warmed = kept(redis)
    assert warmed
    for path in ("/en/programmes/", "/ru/countries/", "/zh-hans/festivals/", "/en/"):
        get(site + path)
    assert kept(redis) == warmed  # the server counted nothing again
    # Where nothing was warmed, the server counts and keeps (so the line above can fail).
    get(site + "/en/programmes/?kind=scholarship")
    assert kept(redis) > warmed

    # A change in another process starts a new generation, which the warmer warms once.
    before = kept(redis)
    manage(environment, "shell", "-c", CHANGE)
    assert manage(environment, "warm_public_pages", f"--url={site}").count(": 200 in ") == 24
    rewarmed = kept(redis) - before
    assert rewarmed
    get(site + "/en/programmes/")
    assert kept(redis) - before == rewarmed
    assert manage(environment, "warm_public_pages", f"--url={site}") == ""


CHANGE = "from scoculture.public_cache import content_changed; content_changed()"
