"""gunicorn.conf.py: the deploy command `gunicorn scoculture.wsgi` streams long exports."""

import os

from scoculture.tests.helpers import python


def gunicorn_config(**env):
    """The settings gunicorn resolves in the repository's folder, as {name: value text}."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "DJANGO_"))}
    clean.pop("WEB_CONCURRENCY", None)
    clean.pop("PORT", None)
    clean.update(DJANGO_SETTINGS_MODULE="scoculture.settings.test", DJANGO_ENV_FILE="", **env)
    printed = python(clean, "-m", "gunicorn", "--print-config", "scoculture.wsgi")
    return {
        name.strip(): value.strip()
        for name, _, value in (line.partition("=") for line in printed.splitlines())
    }


def test_threads_keep_a_long_download_from_the_worker_timeout():
    config = gunicorn_config()
    assert config["config"] == "./gunicorn.conf.py"
    # A sync worker is killed after `timeout` seconds of one request; a gthread worker is not.
    assert config["worker_class"] == "gthread"
    assert int(config["threads"]) >= 2
    assert int(config["timeout"]) >= 60
    # A restart (deploy) lets the downloads under way finish for this long.
    assert int(config["graceful_timeout"]) >= 120


def test_the_environment_sizes_and_places_the_server():
    config = gunicorn_config(
        WEB_CONCURRENCY="3", PORT="9123", GUNICORN_THREADS="8", GUNICORN_TIMEOUT="90"
    )
    assert config["workers"] == "3"
    assert config["bind"] == "['0.0.0.0:9123']"
    assert config["threads"] == "8"
    assert config["timeout"] == "90"
