"""Settings come from the environment; production refuses to start half-configured."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

PROBE = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps([s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
    "s.CACHES['default']['BACKEND'], s.DEBUG, s.ALLOWED_HOSTS]))"
)


# What a real key looks like (get_random_secret_key()); a literal, so runs are repeatable.
STRONG_KEY = "k3#v9!q@7z$w2^m8&p5*r1(t6)y4-u0_i=o+a%s&d9f^g8h*j7"


def run_settings(module, probe=PROBE, **env):
    """Import the settings in a fresh interpreter that sees only the environment given:
    no DJANGO_*/DATABASE_* variables of this process and no developer's .env file."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean.pop("REDIS_URL", None)
    clean.update(DJANGO_SETTINGS_MODULE=module, DJANGO_ENV_FILE="")
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", probe],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "env,missing",
    [({}, "DJANGO_SECRET_KEY"), ({"DJANGO_SECRET_KEY": STRONG_KEY}, "DJANGO_ALLOWED_HOSTS")],
)
def test_production_refuses_to_start_without_key_and_hosts(env, missing):
    result = run_settings("scoculture.settings.prod", **env)
    assert result.returncode != 0
    assert f"{missing} must be set in production" in result.stderr


def test_production_reads_database_cache_and_hosts_from_the_environment():
    result = run_settings(
        "scoculture.settings.prod",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="culture.example.org,www.culture.example.org",
        DATABASE_URL="postgres://user:pw@db.internal:5432/scoculture",
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        '["scoculture.postgres", "scoculture", '
        '"django_redis.cache.RedisCache", false, '
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


def example_secret_key():
    with open(settings.BASE_DIR / ".env.example") as example:
        [line] = [line for line in example if line.startswith("DJANGO_SECRET_KEY=")]
    return line.strip().split("=", 1)[1]


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("change-me", id="change-me"),
        pytest.param(example_secret_key(), id="the .env.example value"),
        pytest.param(STRONG_KEY[:49], id="one short of Django's minimum"),
        pytest.param("ab" * 40, id="two distinct characters"),
        pytest.param("django-insecure-" + STRONG_KEY, id="startproject's development key"),
    ],
)
def test_production_refuses_a_placeholder_or_weak_secret_key(key):
    result = run_settings(
        "scoculture.settings.prod", DJANGO_SECRET_KEY=key, DJANGO_ALLOWED_HOSTS="example.org"
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is a placeholder or too weak" in result.stderr
    assert key not in result.stderr  # the key is never echoed to logs


def test_the_env_file_is_read_unless_the_environment_says_otherwise(tmp_path):
    env_file = tmp_path / "env"
    env_file.write_text(f"DJANGO_SECRET_KEY={STRONG_KEY}\nDJANGO_ALLOWED_HOSTS=from-file.org\n")
    result = run_settings("scoculture.settings.prod", DJANGO_ENV_FILE=str(env_file))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[-1] == ["from-file.org"]
    # The process environment wins over the file.
    result = run_settings(
        "scoculture.settings.prod", DJANGO_ENV_FILE=str(env_file), DJANGO_ALLOWED_HOSTS="env.org"
    )
    assert json.loads(result.stdout)[-1] == ["env.org"]


PROXY_PROBE = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps(s.SECURE_PROXY_SSL_HEADER))"
)


@pytest.mark.parametrize(
    "trust,expected",
    [
        (None, None),
        ("false", None),
        ("true", ["HTTP_X_FORWARDED_PROTO", "https"]),
    ],
)
def test_proxy_ssl_header_is_trusted_only_when_the_deployment_says_so(trust, expected):
    env = {"DJANGO_SECRET_KEY": STRONG_KEY, "DJANGO_ALLOWED_HOSTS": "example.org"}
    if trust is not None:
        env["DJANGO_TRUST_PROXY_SSL_HEADER"] = trust
    result = run_settings("scoculture.settings.prod", probe=PROXY_PROBE, **env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected


def test_the_example_production_environment_passes_the_deployment_checklist():
    """What .ci/run checks: `check --deploy` raises no warning under .ci/production.env."""
    probe = (
        "import django, sys; django.setup(); from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_settings(
        "scoculture.settings.prod",
        probe=probe,
        DJANGO_ENV_FILE=str(settings.BASE_DIR / ".ci" / "production.env"),
        DJANGO_SECRET_KEY=STRONG_KEY,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "storage,origin",
    [
        ({}, None),
        ({"AWS_STORAGE_BUCKET_NAME": "photos"}, "https://photos.s3.amazonaws.com"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "photos", "AWS_S3_CUSTOM_DOMAIN": "media.example.org"},
            "https://media.example.org",
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "photos", "AWS_S3_ENDPOINT_URL": "http://minio:9000/"},
            "http://minio:9000",
        ),
    ],
)
def test_the_security_policy_lets_photos_load_from_object_storage(storage, origin):
    assert production_image_sources(**storage) == ["'self'", "data:"] + ([origin] if origin else [])


def production_image_sources(**env):
    """The policy's img-src in production with `env`."""
    probe = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(' '.join(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    result = run_settings(
        "scoculture.settings.prod",
        probe,
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="culture.example.org",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    "tiles,origin",
    [
        ("", None),
        ("https://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
    ],
)
def test_the_security_policy_lets_map_tiles_load_from_their_host(tiles, origin):
    expected = ["'self'", "data:"] + ([origin] if origin else [])
    assert production_image_sources(MAP_TILE_URL=tiles) == expected


def development_setting(expression, **env):
    """`expression` (of `s`, the settings) as the development settings print it in `env`."""
    probe = (
        f"import django; django.setup(); from django.conf import settings as s; print({expression})"
    )
    result = run_settings("scoculture.settings.dev", probe=probe, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"), [({}, "64MB"), ({"DJANGO_DB_WORK_MEM": "16MB"}, "16MB")]
)
def test_postgresql_connections_get_the_working_memory_of_the_environment(env, expected):
    options = development_setting(
        "s.DATABASES['default'].get('OPTIONS', {}).get('options', '')",
        DATABASE_URL="postgres://user:pw@db.internal:5432/scoculture",
        **env,
    )
    assert options == f"-c work_mem={expected}"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="work_mem is PostgreSQL's")
def test_the_site_connection_runs_with_that_working_memory():
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "64MB"


@pytest.mark.parametrize(
    ("env", "expected"), [({}, "2000"), ({"DJANGO_LOCMEM_MAX_ENTRIES": "500"}, "500")]
)
def test_the_memory_cache_holds_more_than_a_few_pages_of_cards(env, expected):
    """Without Redis, pages and their cards share each worker's memory cache: Django's 300
    entries hold a dozen list pages' cards."""
    entries = development_setting(
        "s.CACHES['default'].get('OPTIONS', {}).get('MAX_ENTRIES')", **env
    )
    assert entries == expected
