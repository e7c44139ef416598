"""Dates read as each language writes them, one style a language, ranges collapsed."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from festivals.tests.factories import FestivalFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.templatetags.dates import day, day_span, month_span

pytestmark = pytest.mark.django_db


def plain(text):
    """CLDR's thin and narrow no-break spaces, as plain spaces for comparing."""
    return re.sub("[\u2009\u202f\u00a0]", " ", text)


@pytest.fixture
def june():
    """10 to 15 June of next year: a range within one month."""
    year = timezone.localdate().year + 1
    return datetime.date(year, 6, 10), datetime.date(year, 6, 15), year


@pytest.mark.parametrize(
    ("language", "expected", "foreign"),
    [
        ("en", "Jun 10 – 15, {year}", ["июн", "月"]),
        ("ru", "10–15 июн. {year} г.", ["Jun", "月"]),
        ("zh-hans", "{year}年6月10日至15日", ["Jun", "июн", "六月"]),
    ],
)
def test_a_festival_reads_its_dates_in_the_page_language(client, june, language, expected, foreign):
    start, end, year = june
    festival = FestivalFactory(start_date=start, end_date=end)
    with translation.override(language):
        pages = [festival.get_absolute_url(), reverse("festivals:festival_list")]
        assert plain(day_span(start, end)) == expected.format(year=year)
    for page in pages:
        html = plain(client.get(page).content.decode())
        dates = " ".join(re.findall(r"<time[^>]*>([^<]*)</time>", html))
        assert expected.format(year=year) in dates, page
        assert not any(word in dates for word in foreign), page


def test_one_style_per_language_and_collapsed_ranges(june):
    start, end, year = june
    with translation.override("zh-hans"):
        assert day(start) == f"{year}年6月10日"
        assert month_span(start, start) == f"{year}年6月"
        assert "三月" not in month_span(datetime.date(year, 3, 1), datetime.date(year, 3, 30))
    with translation.override("ru"):
        assert plain(day(start)) == f"10 июн. {year} г."
    with translation.override("en"):
        assert month_span(start, end) == f"Jun {year}"  # one month, once
        assert str(year + 1) in month_span(start, datetime.date(year + 1, 2, 1))
        assert day(None) == "" and day_span(None) == ""


def test_a_programme_card_in_chinese(client, june):
    start, _, year = june
    ProgrammeFactory(start_date=start, end_date=datetime.date(year, 6, 30))
    with translation.override("zh-hans"):
        url = reverse("programmes:programme_list")
    html = client.get(url).content.decode()
    assert f"{year}年6月" in html
    assert not re.search(r"[一二三四五六七八九十]+月 \d{4}", html)  # no "三月 2027"
