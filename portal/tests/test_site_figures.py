"""The home's totals and the countries' shares are counted once per content generation
(portal.counts): every change that alters what is public shows in them on the next request."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Publishable
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def home_programmes(client):
    counts = {str(label): n for label, n, url in client.get(reverse("home")).context["counts"]}
    return counts["programmes"]


def shares(client, country):
    groups = client.get(reverse("countries:country_list")).context["groups"]
    return next(counts for _, _, members in groups for c, counts in members if c == country)


@pytest.fixture
def kz():
    country = CountryFactory(slug="kz")
    ProgrammeFactory(host_country=country)
    return country


def test_a_new_programme_counts_at_once(client, kz):
    assert home_programmes(client) == 1 and shares(client, kz)["programmes"] == 1
    ProgrammeFactory(host_country=kz)
    assert home_programmes(client) == 2 and shares(client, kz)["programmes"] == 2


def test_unpublished_and_deleted_programmes_stop_counting(client, kz):
    second = ProgrammeFactory(host_country=kz)
    assert home_programmes(client) == 2 and shares(client, kz)["programmes"] == 2
    second.status = Publishable.Status.DRAFT
    second.save()
    assert home_programmes(client) == 1 and shares(client, kz)["programmes"] == 1
    kz.hosted_programmes.exclude(pk=second.pk).get().delete()
    assert home_programmes(client) == 0 and shares(client, kz)["programmes"] == 0


def test_a_new_partner_counts_at_once(client, kz):
    uz = CountryFactory(slug="uz")
    assert shares(client, uz)["programmes"] == 0
    kz.hosted_programmes.get().partner_countries.add(uz)
    assert shares(client, uz)["programmes"] == 1


def test_scheduled_publication_and_expiry_count_on_time(client, kz):
    now = timezone.now()
    ProgrammeFactory(host_country=kz, published_at=now + HOUR)
    ProgrammeFactory(host_country=kz, published_at=now - HOUR, expire_at=now + 3 * HOUR)
    assert home_programmes(client) == 2 and shares(client, kz)["programmes"] == 2
    with time_machine.travel(now + 2 * HOUR):
        assert home_programmes(client) == 3 and shares(client, kz)["programmes"] == 3
    with time_machine.travel(now + 4 * HOUR):
        assert home_programmes(client) == 2 and shares(client, kz)["programmes"] == 2
