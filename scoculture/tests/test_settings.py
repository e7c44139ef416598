"""Settings come from the environment; production refuses to start half-configured."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PROBE = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps([s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
    "s.CACHES['default']['BACKEND'], s.DEBUG, s.ALLOWED_HOSTS]))"
)


def run_settings(module, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean.pop("REDIS_URL", None)
    clean.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "env,missing",
    [({}, "DJANGO_SECRET_KEY"), ({"DJANGO_SECRET_KEY": "x" * 50}, "DJANGO_ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_key_and_hosts(env, missing):
    result = run_settings("scoculture.settings.prod", **env)
    assert result.returncode != 0
    assert f"{missing} must be set in production" in result.stderr


def test_production_reads_database_cache_and_hosts_from_the_environment():
    result = run_settings(
        "scoculture.settings.prod",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="culture.example.org,www.culture.example.org",
        DATABASE_URL="postgres://user:pw@db.internal:5432/scoculture",
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        '["django.db.backends.postgresql", "scoculture", '
        '"django.core.cache.backends.redis.RedisCache", false, '
        '["culture.example.org", "www.culture.example.org"]]'
    )


def test_development_defaults_to_sqlite_in_the_project_folder():
    result = run_settings("scoculture.settings.dev")
    assert result.returncode == 0, result.stderr
    engine, name, cache, debug, _hosts = json.loads(result.stdout)
    assert engine == "django.db.backends.sqlite3"
    assert str(name) == str(settings.BASE_DIR / "db.sqlite3")
    assert cache == "django.core.cache.backends.locmem.LocMemCache"
    assert debug is True
