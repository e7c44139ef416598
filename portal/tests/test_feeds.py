import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, SITEMAP_NS, days, events, sitemap_locations
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    # The calendar and the sitemaps are cached; each test starts from an empty cache.
    cache.clear()
    yield
    cache.clear()


class TestCalendar:
    def test_upcoming_festivals_and_open_deadlines(self, client):
        country = CountryFactory(name="Kazakhstan", code="KZ")
        festival = FestivalFactory(
            title="Spirit of Tengri",
            host_country=country,
            city="Almaty",
            venue="Palace of the Republic",
            start_date=days(20),
            end_date=days(22),
        )
        running = FestivalFactory(title="Running now", start_date=days(-2), end_date=days(2))
        FestivalFactory(title="Past", start_date=days(-20), end_date=days(-18))
        FestivalFactory(title="Draft festival", start_date=days(5), end_date=days(6), **DRAFT)
        programme = ProgrammeFactory(title="Open programme", application_deadline=days(12))
        ProgrammeFactory(title="Closed programme", application_deadline=days(-3))
        ProgrammeFactory(title="Rolling programme", application_deadline=None)
        ProgrammeFactory(title="Draft programme", application_deadline=days(9), **DRAFT)
        found = events(client.get(reverse("calendar")))
        assert set(found) == {
            f"festival-{festival.pk}",
            f"festival-{running.pk}",
            f"programme-deadline-{programme.pk}",
        }
        event = found[f"festival-{festival.pk}"]
        assert str(event["SUMMARY"]) == "Spirit of Tengri"
        assert event.decoded("DTSTART") == days(20)
        # DTEND of an all-day event is exclusive: the day after the last day.
        assert event.decoded("DTEND") == days(23)
        assert str(event["LOCATION"]) == "Palace of the Republic, Almaty, Kazakhstan"
        assert str(event["URL"]) == f"http://testserver{festival.get_absolute_url()}"
        deadline = found[f"programme-deadline-{programme.pk}"]
        assert str(deadline["SUMMARY"]) == "Application deadline: Open programme"
        assert deadline.decoded("DTSTART") == days(12)
        assert deadline.decoded("DTEND") == days(13)

    def test_one_festival_ics(self, client):
        festival = FestivalFactory(title="Navruz; with, odd\\characters", start_date=days(3))
        FestivalFactory(start_date=days(4))
        response = client.get(reverse("festivals:festival_ics", kwargs={"slug": festival.slug}))
        found = events(response)
        assert list(found) == [f"festival-{festival.pk}"]
        assert str(found[f"festival-{festival.pk}"]["SUMMARY"]) == festival.title
        assert festival.slug in response["Content-Disposition"]

    def test_draft_festival_ics_is_404(self, client):
        festival = FestivalFactory(**DRAFT)
        url = reverse("festivals:festival_ics", kwargs={"slug": festival.slug})
        assert client.get(url).status_code == 404

    def test_calendar_is_cached(self, client, django_assert_num_queries):
        FestivalFactory(start_date=days(3))
        client.get(reverse("calendar"))
        with django_assert_num_queries(0):
            assert len(events(client.get(reverse("calendar")))) == 1

    def test_markup_in_titles_and_summaries_is_escaped_once(self, client):
        # XML escaping only: a reader's parser gets back exactly the text that was typed.
        title = 'Tom & Jerry <live> "on stage"'
        summary = "Ages 5 < x & x > 10; &lt;literal&gt;"
        ProgrammeFactory(title=title, summary=summary)
        response = client.get(reverse("programmes:programme_feed"))
        [item] = ET.fromstring(response.content).find("channel").findall("item")
        assert item.findtext("title") == title
        assert item.findtext("description") == summary
        assert b"Tom &amp; Jerry &lt;live&gt;" in response.content
        assert b"&amp;lt;live" not in response.content

    @pytest.mark.parametrize("n", [2, 10])
    def test_query_count(self, client, django_assert_num_queries, n):
        FestivalFactory.create_batch(n, start_date=days(3), end_date=days(4))
        ProgrammeFactory.create_batch(n, application_deadline=days(5))
        # The next scheduled publication (scoculture.public_cache, once per content change),
        # festivals with their host countries (joined: 4 while they were a query), programmes.
        with django_assert_num_queries(3):
            assert len(events(client.get(reverse("calendar")))) == 2 * n

    def test_pages_link_to_the_feeds(self, client):
        html = client.get(reverse("home")).content.decode()
        assert 'type="application/rss+xml"' in html
        calendar = reverse("calendar")
        assert (
            f'type="text/calendar" title="Festivals and application deadlines" href="{calendar}"'
            in html
        )


class TestSitemapAndRobots:
    def test_sitemap_is_cached(self, client, django_assert_num_queries):
        ProgrammeFactory()
        client.get("/sitemap-programmes-en.xml")
        with django_assert_num_queries(0):
            assert client.get("/sitemap-programmes-en.xml").status_code == 200

    def test_sitemap_lists_published_pages_in_every_language(self, client):
        published = [
            ProgrammeFactory(),
            FestivalFactory(),
            UniversityFactory(),
            HeritageSiteFactory(),
        ]
        drafts = [
            ProgrammeFactory(**DRAFT),
            FestivalFactory(**DRAFT),
            UniversityFactory(**DRAFT),
            HeritageSiteFactory(**DRAFT),
            CountryFactory(**DRAFT),
        ]
        sections, locations = sitemap_locations(client)
        for language in ("en", "ru", "zh-hans"):
            assert f"http://testserver/sitemap-programmes-{language}.xml" in sections
        for obj in published:
            path = obj.get_absolute_url()  # /en/...
            for language in ("en", "ru", "zh-hans"):
                assert f"http://testserver/{language}{path[3:]}" in locations
        for obj in drafts:
            assert not any(obj.slug in location for location in locations)
        assert "http://testserver/en/programmes/" in locations

    def test_sitemap_lists_the_map_in_every_language(self, client):
        sections, locations = sitemap_locations(client)
        for language in ("en", "ru", "zh-hans"):
            assert f"http://testserver/{language}/map/" in locations

    def test_large_sections_are_paginated_and_every_page_is_in_the_index(self, client, monkeypatch):
        from portal.sitemaps import ProgrammeSitemap

        monkeypatch.setattr(ProgrammeSitemap, "limit", 2)
        programmes = ProgrammeFactory.create_batch(5)
        sections, locations = sitemap_locations(client)
        assert "http://testserver/sitemap-programmes-ru.xml?p=3" in sections
        for programme in programmes:
            assert f"http://testserver{programme.get_absolute_url()}" in locations
            assert f"http://testserver/ru{programme.get_absolute_url()[3:]}" in locations

    def test_the_last_page_reads_its_range_of_keys_without_counting_or_skipping(
        self, client, monkeypatch
    ):
        from portal.sitemaps import ProgrammeSitemap

        monkeypatch.setattr(ProgrammeSitemap, "limit", 2)
        programmes = ProgrammeFactory.create_batch(5)
        last_page = (programmes[-1].pk + 1) // 2
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/sitemap-programmes-zh-hans.xml", {"p": last_page})
        assert response.status_code == 200
        locations = {
            loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)
        }
        assert locations == {
            f"http://testserver/zh-hans{programme.get_absolute_url()[3:]}"
            for programme in programmes
            if (programme.pk + 1) // 2 == last_page
        }
        sql = " ".join(query["sql"] for query in queries)
        assert "COUNT(" not in sql and "OFFSET" not in sql
        past_the_end = client.get("/sitemap-programmes-zh-hans.xml", {"p": last_page + 1})
        assert past_the_end.status_code == 404

    @pytest.mark.parametrize("zone", ["UTC", "Asia/Shanghai", "America/Lima"])
    @pytest.mark.parametrize("section", ["pages-ru", "programmes-zh-hans", "festivals-en"])
    def test_a_page_says_what_djangos_template_would(self, rf, section, zone):
        from django.contrib.sites.requests import RequestSite
        from django.template import loader

        from portal.sitemaps import SITEMAPS, UrlsetXml

        programme, festival = ProgrammeFactory(), FestivalFactory()
        # Late in the day in UTC: the next day in Shanghai, the same in Lima.
        late = datetime.datetime(2026, 5, 1, 23, 30, tzinfo=datetime.UTC)
        for record in programme, festival:
            type(record).objects.filter(pk=record.pk).update(updated_at=late)

        def urls(xml):
            return [
                [(child.tag, child.text) for child in url]
                for url in ET.fromstring(xml).findall("s:url", SITEMAP_NS)
            ]

        with timezone.override(zone):
            urlset = SITEMAPS[section]().get_urls(site=RequestSite(rf.get("/")), protocol="https")
            ours = UrlsetXml().render({"urlset": urlset})
            djangos = loader.get_template("sitemap.xml").render({"urlset": urlset})
        assert urls(ours) == urls(djangos)
        assert len(urls(ours)) == len(urlset) > 0

    @pytest.mark.parametrize("n", [2, 10])
    def test_sitemap_query_count(self, client, django_assert_num_queries, n):
        ProgrammeFactory.create_batch(n)
        # the next scheduled publication (once per content change), the highest key (the
        # pages are ranges of keys), then the page's rows
        with django_assert_num_queries(3):
            assert client.get("/sitemap-programmes-en.xml").status_code == 200

    @pytest.mark.parametrize("n", [2, 10])
    def test_the_index_reads_each_kind_once_for_its_three_languages(
        self, client, django_assert_num_queries, n
    ):
        ProgrammeFactory.create_batch(n)
        # the next scheduled publication, then each of the six kinds' newest change and
        # highest key: a kind's sections in the three languages share them
        with django_assert_num_queries(13):
            response = client.get("/sitemap.xml")
        sections = [
            loc.text for loc in ET.fromstring(response.content).iter(f"{{{SITEMAP_NS['s']}}}loc")
        ]
        assert len(sections) == 7 * 3

    def test_unknown_section_is_404(self, client):
        assert client.get("/sitemap-nothing.xml").status_code == 404
        assert client.get("/sitemap-programmes.xml").status_code == 404
        assert client.get("/sitemap-programmes-en.xml?p=99").status_code == 404
        assert client.get("/sitemap-programmes-en.xml?p=x").status_code == 404

    def test_robots_points_to_the_sitemap(self, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
        assert "Disallow: /admin/" in response.content.decode()
