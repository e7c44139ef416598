"""Every public list has RSS (and, where its rows have dates, iCalendar) twins that apply the
list's own FilterSet to the same query string: same rows, same validation, no drafts."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from festivals.tests.factories import FestivalFactory
from heritage.models import HeritageSite
from heritage.tests.factories import HeritageSiteFactory
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, days, events
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db


def rss_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return sorted(item.findtext("title") for item in channel.findall("item"))


@pytest.fixture
def world():
    kz = CountryFactory(name="Kazakhstan", slug="kazakhstan", code="KZ")
    cn = CountryFactory(name="China", slug="china", code="CN")
    ProgrammeFactory(
        title="Almaty school",
        host_country=kz,
        kind=Programme.Kind.SUMMER_SCHOOL,
        application_deadline=days(20),
        start_date=days(40),
        end_date=days(50),
    )
    ProgrammeFactory(title="Beijing grant", host_country=cn, application_deadline=days(30))
    ProgrammeFactory(title="Hidden Kazakh draft", host_country=kz, **DRAFT)
    FestivalFactory(title="Steppe festival", host_country=kz)
    FestivalFactory(title="Qingdao festival", host_country=cn)
    FestivalFactory(title="Draft Kazakh festival", host_country=kz, **DRAFT)
    FestivalFactory(
        title="Old Kazakh festival", host_country=kz, start_date=days(-400), end_date=days(-399)
    )
    UniversityFactory(name="Al-Farabi University", country=kz)
    UniversityFactory(name="Peking University", country=cn)
    UniversityFactory(name="Draft Kazakh University", country=kz, **DRAFT)
    HeritageSiteFactory(name="Tamgaly", countries=[kz], category=HeritageSite.Category.CULTURAL)
    HeritageSiteFactory(name="Great Wall", countries=[cn])
    HeritageSiteFactory(name="Draft Kazakh site", countries=[kz], **DRAFT)


class TestRSS:
    @pytest.mark.parametrize(
        ("url_name", "expected"),
        [
            ("programmes:programme_feed", ["Almaty school"]),
            ("festivals:festival_feed", ["Steppe festival"]),
            ("universities:university_feed", ["Al-Farabi University"]),
            ("heritage:site_feed", ["Tamgaly"]),
        ],
    )
    def test_feed_keeps_the_rows_of_the_filtered_list(self, client, world, url_name, expected):
        # The festival list opens on upcoming events, and so does its feed.
        assert rss_titles(client.get(reverse(url_name) + "?country=kazakhstan")) == expected

    def test_unfiltered_feeds_list_every_published_row(self, client, world):
        titles = rss_titles(client.get(reverse("universities:university_feed")))
        assert titles == ["Al-Farabi University", "Peking University"]

    def test_the_feed_link_is_the_filtered_list(self, client, world):
        response = client.get(reverse("programmes:programme_feed") + "?country=kazakhstan&page=2")
        link = ET.fromstring(response.content).find("channel").findtext("link")
        assert link == "http://testserver/en/programmes/?country=kazakhstan"

    @pytest.mark.parametrize(
        "url",
        [
            "/en/programmes/feed.rss?country=atlantis",
            "/en/programmes/feed.rss?deadline_before=not-a-date",
            "/en/festivals/feed.rss?kind=nonsense",
            "/en/universities/feed.rss?country=atlantis",
            "/en/heritage/feed.rss?inscribed_from=99999999999999999999",
            "/en/programmes/calendar.ics?country=atlantis",
            "/en/festivals/calendar.ics?date_from=2020-13-45",
        ],
    )
    def test_invalid_filters_are_a_400(self, client, world, url, caplog):
        response = client.get(url)
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert url.split("?")[1].split("=")[0] in response.content.decode()  # names it
        assert not [record for record in caplog.records if record.exc_info]

    @pytest.mark.parametrize(
        "url_name",
        [
            "programmes:programme_feed",
            "festivals:festival_feed",
            "universities:university_feed",
            "heritage:site_feed",
        ],
    )
    @pytest.mark.parametrize("n", [2, 8])
    def test_query_count_does_not_grow_with_the_rows(
        self, client, django_assert_num_queries, url_name, n
    ):
        kz = CountryFactory(slug="kazakhstan")
        ProgrammeFactory.create_batch(n, host_country=kz)
        FestivalFactory.create_batch(n, host_country=kz)
        UniversityFactory.create_batch(n, country=kz)
        HeritageSiteFactory.create_batch(n, countries=[kz])
        # The FilterSet's choices (countries, universities, vocabularies), then the rows with
        # their host country joined (programmes 6 and festivals 3 while it was a query).
        with django_assert_num_queries(QUERIES[url_name]):
            response = client.get(reverse(url_name) + "?country=kazakhstan")
        assert response.status_code == 200


# The first request of a content generation: when it ends, the choices kept for it.
QUERIES = {
    "programmes:programme_feed": 6,
    "festivals:festival_feed": 3,
    "universities:university_feed": 4,
    "heritage:site_feed": 3,
    "programmes:programme_calendar": 6,
    "festivals:festival_calendar": 3,  # 4 while the host country was a query
}


class TestCalendars:
    def test_festival_calendar_applies_the_list_filters(self, client, world):
        found = events(client.get(reverse("festivals:festival_calendar") + "?country=kazakhstan"))
        assert sorted(str(e["SUMMARY"]) for e in found.values()) == ["Steppe festival"]

    def test_festival_calendar_follows_when(self, client, world):
        found = events(
            client.get(reverse("festivals:festival_calendar") + "?country=kazakhstan&when=past")
        )
        assert sorted(str(e["SUMMARY"]) for e in found.values()) == ["Old Kazakh festival"]

    def test_programme_calendar_has_deadlines_and_runs(self, client, world):
        found = events(client.get(reverse("programmes:programme_calendar") + "?country=kazakhstan"))
        assert sorted(str(e["SUMMARY"]) for e in found.values()) == [
            "Almaty school",
            "Application deadline: Almaty school",
        ]
        run = next(e for e in found.values() if str(e["SUMMARY"]) == "Almaty school")
        assert run.decoded("DTSTART") == days(40)
        assert run.decoded("DTEND") == days(51)  # exclusive

    @pytest.mark.parametrize(
        "url_name", ["programmes:programme_calendar", "festivals:festival_calendar"]
    )
    @pytest.mark.parametrize("n", [2, 8])
    def test_query_count(self, client, django_assert_num_queries, url_name, n):
        kz = CountryFactory(slug="kazakhstan")
        ProgrammeFactory.create_batch(n, host_country=kz, application_deadline=days(5))
        FestivalFactory.create_batch(n, host_country=kz)
        with django_assert_num_queries(QUERIES[url_name]):
            response = client.get(reverse(url_name) + "?country=kazakhstan")
        assert len(events(response)) >= n


class TestLinkedFromTheList:
    @pytest.mark.parametrize(
        ("list_name", "twins"),
        [
            ("programmes:programme_list", ["feed.rss", "calendar.ics"]),
            ("festivals:festival_list", ["feed.rss", "calendar.ics"]),
            ("universities:university_list", ["feed.rss"]),
            ("heritage:site_list", ["feed.rss"]),
        ],
    )
    def test_head_and_page_link_the_twins_with_the_filters(self, client, world, list_name, twins):
        url = reverse(list_name)
        body = client.get(url + "?country=kazakhstan&page=1").content.decode()
        for twin in twins:
            href = f"{url}{twin}?country=kazakhstan"
            assert '<link rel="alternate" type="' in body
            assert body.count(f'href="{href}"') == 2, (twin, body)  # head and the visible link

    def test_no_calendar_for_lists_without_dates(self, client, world):
        body = client.get(reverse("universities:university_list")).content.decode()
        assert "calendar.ics" not in body
        assert 'type="text/calendar"' not in body


def test_rss_published_dates_are_the_publication(client, world):
    response = client.get(reverse("heritage:site_feed"))
    assert b"<pubDate>" in response.content
    assert timezone.now().strftime("%Y").encode() in response.content


def test_routes_list_has_an_rss_twin_with_its_filters(client):
    from routes.models import Theme
    from routes.tests.factories import RouteFactory

    RouteFactory(title="Silk route", theme=Theme.SILK_ROADS)
    RouteFactory(title="Other route", theme=Theme.SILK_ROADS, **DRAFT)
    themes = [value for value in Theme.values if value != Theme.SILK_ROADS]
    RouteFactory(title="Themed route", theme=themes[0])
    url = reverse("routes:route_list")
    response = client.get(reverse("routes:route_feed") + f"?theme={Theme.SILK_ROADS}")
    assert rss_titles(response) == ["Silk route"]
    assert client.get(reverse("routes:route_feed") + "?theme=nonsense").status_code == 400
    body = client.get(url + f"?theme={Theme.SILK_ROADS}").content.decode()
    assert body.count(f'href="{url}feed.rss?theme={Theme.SILK_ROADS}"') == 2
