"""Fixtures shared by every app's tests."""

import datetime
import os

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import translation

from scoculture.permissions import EDITORS, PUBLISHERS, REPORTING_STAFF, sync_groups


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
