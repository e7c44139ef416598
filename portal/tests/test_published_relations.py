"""`published_<relation>` (scoculture.models.PublishedRelation): the host country of a
programme or festival and the country of a university are joined into the rows' query and
decided per row. A draft, scheduled or expired country reads as None, so no detail page, list
card, home row or feed names it; a published one is named."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, days
from universities.models import University
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def hidden_states():
    now = timezone.now()
    return {
        "draft": DRAFT,
        "scheduled": {"published_at": now + HOUR},
        "expired": {"published_at": now - 2 * HOUR, "expire_at": now - HOUR},
    }


@pytest.fixture(params=["draft", "scheduled", "expired"])
def hidden_country(request):
    return CountryFactory(name="Hiddenland", slug="hiddenland", **hidden_states()[request.param])


@pytest.fixture
def public_country():
    return CountryFactory(name="Openland", slug="openland")


def test_the_rule_of_published_row_by_row(hidden_country, public_country):
    hidden = ProgrammeFactory(host_country=hidden_country)
    shown = ProgrammeFactory(host_country=public_country)
    rows = {row.pk: row for row in Programme.objects.with_published("host_country")}
    assert rows[hidden.pk].published_host_country is None
    assert rows[shown.pk].published_host_country == public_country
    # Read from the object itself (no join): the same answer.
    assert Programme.objects.get(pk=hidden.pk).published_host_country is None


def test_joined_in_the_rows_query(django_assert_num_queries, hidden_country, public_country):
    ProgrammeFactory.create_batch(3, host_country=hidden_country)
    ProgrammeFactory.create_batch(3, host_country=public_country)
    FestivalFactory.create_batch(2, host_country=public_country)
    UniversityFactory.create_batch(2, country=public_country)
    # One query a kind, whatever the rows: the country comes with them.
    with django_assert_num_queries(3):
        hosts = [
            row.published_host_country for row in Programme.objects.with_published("host_country")
        ]
        hosts += [
            row.published_host_country for row in Festival.objects.with_published("host_country")
        ]
        hosts += [row.published_country for row in University.objects.with_published("country")]
    assert hosts.count(None) == 3 and hosts.count(public_country) == 7


def test_only_declared_relations():
    with pytest.raises(TypeError, match="published_partner_countries"):
        Programme.objects.with_published("partner_countries")


def pages(programme, festival, university):
    return [
        programme.get_absolute_url(),
        festival.get_absolute_url(),
        university.get_absolute_url(),
        reverse("programmes:programme_list"),
        reverse("festivals:festival_list"),
        reverse("universities:university_list"),
        reverse("home"),
        reverse("search") + "?q=Visible",
        reverse("programmes:programme_feed"),
        reverse("festivals:festival_feed"),
    ]


def test_no_page_names_a_hidden_country(client, hidden_country, public_country):
    records = (
        ProgrammeFactory(
            title="Visible programme",
            host_country=hidden_country,
            partner_countries=[public_country],
            application_deadline=days(5),
        ),
        FestivalFactory(
            title="Visible festival",
            host_country=hidden_country,
            start_date=days(5),
            end_date=days(6),
        ),
        UniversityFactory(name="Visible university", country=hidden_country),
    )
    for url in pages(*records):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Visible" in body, url
        assert "Hiddenland" not in body and "/hiddenland/" not in body, url


def test_every_page_names_a_published_country(client, public_country):
    records = (
        ProgrammeFactory(
            title="Visible programme", host_country=public_country, application_deadline=days(5)
        ),
        FestivalFactory(title="Visible festival", host_country=public_country, start_date=days(5)),
        UniversityFactory(name="Visible university", country=public_country),
    )
    for url in pages(*records)[:7]:  # feeds and search name the items only
        assert "Openland" in client.get(url).content.decode(), url


def test_a_university_of_a_hidden_country_on_a_programme_page(client, hidden_country):
    university = UniversityFactory(name="Visible university", country=hidden_country)
    programme = ProgrammeFactory(host_universities=[university])
    body = client.get(programme.get_absolute_url()).content.decode()
    assert "Visible university" in body and "Hiddenland" not in body
