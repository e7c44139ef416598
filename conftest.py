"""Fixtures shared by every app's tests."""

import datetime
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import translation

from scoculture.permissions import EDITORS, PUBLISHERS, REPORTING_STAFF, sync_groups

# Browser tests: Debian's Chromium, driven by Playwright (scoculture/tests/conftest.py).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config):
    """CLOCK_SHIFT_DAYS=1096 runs the suite as if it were three years later (CI does so), to
    show that no test expires by the calendar. The clock keeps ticking from there."""
    if days := os.environ.get("CLOCK_SHIFT_DAYS"):
        import time_machine

        later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=int(days))
        time_machine.travel(later, tick=True).start()


@pytest.fixture(autouse=True)
def english_by_default():
    """A request under /ru/ leaves Russian active; start and end every test in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: its database was rolled back without a signal,
    so pages stored by the test before would otherwise still be current."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def migration_data(request):
    """What migrations put in the database (content types, permissions, staff groups), there
    for a transactional test too. Such tests empty every table after themselves, and the
    serialized restore does not always bring the rows back, so a later one could find no
    groups, or an admin log entry point at a content type that no longer exists."""
    marker = request.node.get_closest_marker("django_db")
    if not marker or not (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return
    request.getfixturevalue("transactional_db")
    ContentType.objects.clear_cache()
    if not Group.objects.exists():
        sync_groups(apps)


def staff_group(name):
    """A staff group as its migration made it. A transactional test that ran earlier may have
    flushed the database, migration data included: then it is made again, the same way."""
    if not Group.objects.filter(name=name).exists():
        sync_groups(apps)
    return Group.objects.get(name=name)


def _staff_user(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username=username, password="pw", is_staff=True)
    user.groups.add(staff_group(group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return _staff_user(django_user_model, "editor", EDITORS)


@pytest.fixture
def publisher(django_user_model):
    return _staff_user(django_user_model, "publisher", PUBLISHERS)


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


@pytest.fixture
def reporter(django_user_model):
    return _staff_user(django_user_model, "reporter", REPORTING_STAFF)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; Django's ORM, used by the test
    # itself for its data, would refuse to run beside it without this.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
