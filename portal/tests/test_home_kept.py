"""The home page's lists are selected once per content generation and language
(portal.home): every change that alters them shows on the next request, in every language."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Publishable
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import days

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "zh-hans"]
HOUR = datetime.timedelta(hours=1)


def home_pages(client):
    """{language: the home page's HTML}."""
    pages = {}
    for language in LANGUAGES:
        with translation.override(language):
            url = reverse("home")
        response = client.get(url)
        assert response.status_code == 200
        pages[language] = response.content.decode()
    translation.activate("en")  # the last request left Chinese active: records are made in en
    return pages


def shown_everywhere(client, text):
    return all(text in html for html in home_pages(client).values())


def hidden_everywhere(client, text):
    return all(text not in html for html in home_pages(client).values())


def test_kept_after_the_first_request(client, django_assert_num_queries):
    ProgrammeFactory(application_deadline=days(5))
    home_pages(client)
    with django_assert_num_queries(0):
        home_pages(client)


@pytest.mark.parametrize(
    "make",
    [
        lambda: ProgrammeFactory(title="Fresh call", application_deadline=days(5)),
        lambda: FestivalFactory(title="Fresh call", start_date=days(5), end_date=days(6)),
        lambda: HeritageSiteFactory(
            name="Fresh call", unesco_status="inscribed", year_inscribed=2030
        ),
        lambda: CountryFactory(name="Fresh call"),
    ],
    ids=["programme", "festival", "site", "country"],
)
def test_a_new_record_shows_then_an_unpublished_one_goes(client, make):
    ProgrammeFactory(application_deadline=days(5))
    assert hidden_everywhere(client, "Fresh call")
    record = make()
    assert shown_everywhere(client, "Fresh call")
    record.status = Publishable.Status.DRAFT
    record.save()
    assert hidden_everywhere(client, "Fresh call")


def test_a_renamed_country_shows_in_its_language(client):
    country = CountryFactory(name_en="Kazakhstan", name_ru="Казахстан", name_zh_hans="哈萨克斯坦")
    before = home_pages(client)
    assert "Казахстан" in before["ru"] and "哈萨克斯坦" in before["zh-hans"]
    country.name_ru = "Республика Казахстан"
    country.save()
    after = home_pages(client)
    assert "Республика Казахстан" in after["ru"]
    assert "Республика Казахстан" not in after["en"] + after["zh-hans"]


def test_a_deleted_programme_goes(client):
    programme = ProgrammeFactory(title="Fresh call", application_deadline=days(5))
    assert shown_everywhere(client, "Fresh call")
    programme.delete()
    assert hidden_everywhere(client, "Fresh call")


def test_scheduled_publication_and_expiry_show_on_time(client):
    now = timezone.now()
    ProgrammeFactory(title="Scheduled call", application_deadline=days(5), published_at=now + HOUR)
    FestivalFactory(
        title="Expiring event",
        start_date=days(5),
        published_at=now - HOUR,
        expire_at=now + 3 * HOUR,
    )
    assert hidden_everywhere(client, "Scheduled call")
    assert shown_everywhere(client, "Expiring event")
    with time_machine.travel(now + 2 * HOUR):
        assert shown_everywhere(client, "Scheduled call")
    with time_machine.travel(now + 4 * HOUR):
        assert hidden_everywhere(client, "Expiring event")
