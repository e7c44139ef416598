"""A detail page's rows are read once per content generation and language for visitors
(scoculture.kept_rows): every change shows on the next request, in every language; staff,
previews and 404s never read nor leave them."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from routes.tests.factories import RouteFactory, site_stop
from scoculture.models import Publishable
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import days
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "zh-hans"]
HOUR = datetime.timedelta(hours=1)
DRAFT = Publishable.Status.DRAFT


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.PUBLIC_FRAGMENT_CACHE = True


def pages(client, record):
    """{language: the record's page}; English active again after (records are made in it)."""
    found = {}
    for language in LANGUAGES:
        with translation.override(language):
            url = record.get_absolute_url()
        response = client.get(url)
        assert response.status_code == 200, url
        found[language] = response.content.decode()
    translation.activate("en")
    return found


def everywhere(client, record, text):
    return all(text in html for html in pages(client, record).values())


def nowhere(client, record, text):
    return all(text not in html for html in pages(client, record).values())


MAKERS = {
    "programme": lambda country: ProgrammeFactory(host_country=country),
    "festival": lambda country: FestivalFactory(host_country=country),
    "university": lambda country: UniversityFactory(country=country),
    "site": lambda country: HeritageSiteFactory(countries=[country]),
}
OF_COUNTRY = {  # a row that the country's own page lists
    "programme": lambda country: ProgrammeFactory(title="Listed row", host_country=country),
    "festival": lambda country: FestivalFactory(title="Listed row", host_country=country),
    "university": lambda country: UniversityFactory(name="Listed row", country=country),
    "site": lambda country: HeritageSiteFactory(name="Listed row", countries=[country]),
}


@pytest.mark.parametrize("kind", MAKERS)
def test_a_visitors_second_request_reads_no_row(client, django_assert_num_queries, kind):
    record = MAKERS[kind](CountryFactory())
    pages(client, record)
    with django_assert_num_queries(0):
        pages(client, record)


@pytest.mark.parametrize("kind", MAKERS)
def test_a_country_unpublished_then_renamed_shows_at_once(client, kind):
    country = CountryFactory(name="Openland")
    record = MAKERS[kind](country)
    assert everywhere(client, record, "Openland")
    country.status = DRAFT
    country.save()
    assert nowhere(client, record, "Openland")
    country.status = Publishable.Status.PUBLISHED
    country.name_en = "Renamed land"
    country.save()
    assert everywhere(client, record, "Renamed land")


def test_names_are_kept_per_language(client):
    country = CountryFactory(name_en="Kazakhstan", name_ru="Казахстан", name_zh_hans="哈萨克斯坦")
    found = pages(client, ProgrammeFactory(host_country=country))
    assert "Казахстан" in found["ru"] and "哈萨克斯坦" in found["zh-hans"]
    assert "Казахстан" not in found["en"]


def test_a_new_link_and_a_new_related_row_show_at_once(client):
    country = CountryFactory()
    programme = ProgrammeFactory(host_country=country)
    assert nowhere(client, programme, "Newpartner")
    programme.partner_countries.add(CountryFactory(name="Newpartner"))
    assert everywhere(client, programme, "Newpartner")
    FestivalFactory(title="New festival", host_country=country, start_date=days(3))
    assert everywhere(client, programme, "New festival")


def test_a_site_page_follows_its_routes_and_neighbours(client):
    country = CountryFactory()
    site = HeritageSiteFactory(countries=[country])
    assert nowhere(client, site, "Caravan route")
    site_stop(RouteFactory(title="Caravan route"), site, 1)
    assert everywhere(client, site, "Caravan route")
    neighbour = HeritageSiteFactory(name="Neighbour site", countries=[country])
    assert everywhere(client, site, "Neighbour site")
    neighbour.delete()
    assert nowhere(client, site, "Neighbour site")


def test_a_scheduled_related_row_shows_and_goes_on_time(client):
    country = CountryFactory()
    festival = FestivalFactory(host_country=country)
    now = timezone.now()
    ProgrammeFactory(title="Soon open", host_country=country, published_at=now + HOUR)
    ProgrammeFactory(
        title="Soon gone", host_country=country, published_at=now - HOUR, expire_at=now + 3 * HOUR
    )
    assert nowhere(client, festival, "Soon open") and everywhere(client, festival, "Soon gone")
    with time_machine.travel(now + 2 * HOUR):
        assert everywhere(client, festival, "Soon open")
    with time_machine.travel(now + 4 * HOUR):
        assert nowhere(client, festival, "Soon gone")


def test_an_unpublished_record_is_a_404_at_once_and_its_404_is_not_kept(client):
    programme = ProgrammeFactory()
    pages(client, programme)
    programme.status = DRAFT
    programme.save()
    assert client.get(programme.get_absolute_url()).status_code == 404
    programme.status = Publishable.Status.PUBLISHED
    programme.save()
    assert client.get(programme.get_absolute_url()).status_code == 200


def test_staff_and_previews_read_the_database_and_leave_nothing(editor_client):
    hidden = CountryFactory(name="Draftlandia", status=DRAFT)
    draft = ProgrammeFactory(status=DRAFT, partner_countries=[hidden])
    url = draft.get_absolute_url()
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            html = editor_client.get(url + "?preview").content.decode()
        assert "Preview for editors" in html and "Draftlandia" not in html
        assert len(queries) > 0
    # The previews stored nothing that a visitor (another client: no session) could read.
    visitor = Client()
    assert visitor.get(url).status_code == 404
    assert visitor.get(url + "?preview").status_code == 404


def test_a_country_page_is_kept_and_follows_its_rows(client, django_assert_num_queries):
    country = CountryFactory()
    pages(client, country)
    with django_assert_num_queries(0):
        pages(client, country)
    for kind, make in OF_COUNTRY.items():
        row = make(country)
        assert everywhere(client, country, "Listed row"), kind
        row.status = DRAFT
        row.save()
        assert nowhere(client, country, "Listed row"), kind
