"""Against a live server: what editors publish goes live at once, without a restart.

A queryset kept in a class attribute decides "now" when the module is imported; these tests
load every detail view first (a 404), then publish, as an editor would on a running site.
"""

import urllib.error
import urllib.request

import pytest
import time_machine
from django.utils import timezone

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db(transaction=True)

FACTORIES = [CountryFactory, ProgrammeFactory, FestivalFactory, UniversityFactory]
FACTORIES += [HeritageSiteFactory]


def status(live_server, path):
    try:
        with urllib.request.urlopen(live_server.url + path) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_published_after_the_server_started_answers_at_once(live_server, factory):
    draft = factory(status="draft")
    assert status(live_server, draft.get_absolute_url()) == 404  # the view is loaded
    record = factory(published_at=timezone.now())  # published now, by an editor
    assert status(live_server, record.get_absolute_url()) == 200


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_scheduled_ten_seconds_ahead_goes_live_on_time(live_server, factory):
    now = timezone.now()
    record = factory(published_at=now + timezone.timedelta(seconds=10))
    url = record.get_absolute_url()
    with time_machine.travel(now, tick=False):
        assert status(live_server, url) == 404
    with time_machine.travel(now + timezone.timedelta(seconds=11), tick=False):
        assert status(live_server, url) == 200


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_expiring_ten_seconds_ahead_leaves_on_time(live_server, factory):
    now = timezone.now()
    record = factory(expire_at=now + timezone.timedelta(seconds=10))
    url = record.get_absolute_url()
    with time_machine.travel(now, tick=False):
        assert status(live_server, url) == 200
    with time_machine.travel(now + timezone.timedelta(seconds=11), tick=False):
        assert status(live_server, url) == 404
