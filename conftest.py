"""Fixtures shared by every app's tests."""

import pytest
from django.contrib.auth.models import Group

from scoculture.permissions import EDITORS, REPORTING_STAFF


def _staff_user(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username=username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return _staff_user(django_user_model, "editor", EDITORS)


@pytest.fixture
def reporter(django_user_model):
    return _staff_user(django_user_model, "reporter", REPORTING_STAFF)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
