"""Cards and item-list rows come from the fragment cache (scoculture.fragment_cache) on
anonymous pages: the same bytes as built afresh, never past a change, never for staff."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from heritage.tests.factories import HeritageSiteFactory
from photos.tests.factories import PhotoFactory
from portal.demo.loader import load_demo_data
from programmes.models import Programme
from programmes.tests.factories import LanguageFactory, ProgrammeFactory
from scoculture.fragment_cache import fragment_key
from scoculture.models import Publishable
from scoculture.public_cache import generation_state
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

LIST = "/en/programmes/"
DRAFT = Publishable.Status.DRAFT
LIST_NAMES = [
    "programmes:programme_list",
    "festivals:festival_list",
    "universities:university_list",
    "heritage:site_list",
    "routes:route_list",
]


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.PUBLIC_FRAGMENT_CACHE = True


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def cards(html):
    """The list's cards, without the filter form (which names countries too)."""
    return html.split('<ul class="cards"', 1)[1].split("</section>", 1)[0]


def card_key(programme, language="en"):
    """The key under which a request stored `programme`'s card on the programmes list."""
    with translation.override(language):
        prefix, suffix = fragment_key(generation_state(), "", programme).split("::")
    found = [
        key.removeprefix(":1:")
        for key in cache._cache
        if key.startswith(f":1:{prefix}:programmes/programme_list.html>")
        and key.endswith(f":{suffix}")
    ]
    assert len(found) == 1, found
    return found[0]


def public_urls():
    """Every list (and a page 2, a filtered list), the home page, a search, detail pages
    with item lists, a country: in each language."""
    programme = Programme.objects.published().filter(heritage_sites__isnull=False).first()
    urls = []
    for language in ("en", "ru", "zh-hans"):
        with translation.override(language):
            urls += [reverse(name) for name in LIST_NAMES]
            urls += [
                reverse("programmes:programme_list") + "?page=2",
                reverse("festivals:festival_list") + "?sort=title",
                reverse("home"),
                reverse("search") + "?q=a",
                programme.get_absolute_url(),
                programme.heritage_sites.first().get_absolute_url(),
                reverse("countries:country_detail", args=["kazakhstan"]),
            ]
    return urls


def test_pages_are_the_same_bytes_with_and_without_the_fragment_cache(
    client, settings, media, django_assert_max_num_queries
):
    load_demo_data()
    for programme in Programme.objects.published()[:20]:  # a page 2 of programmes
        programme.pk, programme.slug = None, f"{programme.slug}-again"
        programme.save()
    PhotoFactory(content_object=Programme.objects.published().first())
    urls = public_urls()
    settings.PUBLIC_FRAGMENT_CACHE = False
    built = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        built[url] = response.content
    settings.PUBLIC_FRAGMENT_CACHE = True
    for url in urls:
        assert client.get(url).content == built[url], url  # stored now
        assert client.get(url).content == built[url], url  # read back
    assert any(key.startswith(":1:fragment:") for key in cache._cache)


class TestWarmCache:
    def test_a_list_page_makes_no_prefetch_for_stored_cards(
        self, client, django_assert_num_queries
    ):
        for _ in range(3):
            ProgrammeFactory(partner_countries=[CountryFactory()], languages=[LanguageFactory()])
        # 13, then 4 as pinned in programmes/tests/test_lists.py (the generation's first
        # request, then one with the choices, facets and count kept), plus the page's keys
        # (its rows' primary keys, asked first) and the host countries of the cards built,
        # which the rows' query does not join here: fetched with the cards' prefetches. The
        # second makes none of them (host country, lead photo, partners, languages): the
        # cards are stored. It reads the page's primary keys, nothing else.
        with django_assert_num_queries(15):
            first = client.get(LIST, {"sort": "deadline"}).content
        with django_assert_num_queries(1) as captured:
            assert client.get(LIST, {"sort": "deadline"}).content == first
        [query] = captured.captured_queries
        assert query["sql"].startswith('SELECT "programmes_programme"."id" AS "pk" FROM')

    def test_a_list_page_joins_no_country_for_stored_cards(self, client):
        """`with_published` joins the host country into the rows' query; for a page of cards
        the join is undone and the countries fetched for the cards built only."""
        ProgrammeFactory.create_batch(3)
        for stored in (False, True):
            with CaptureQueriesContext(connection) as queries:
                client.get(LIST)
            countries_built = any(
                '"scoculture_country"."description"' in query["sql"] for query in queries
            )
            assert countries_built is not stored

    def test_a_card_is_read_from_the_cache(self, client):
        programme = ProgrammeFactory(title="Real title")
        client.get(LIST)
        cache.set(card_key(programme), "<article>Stored card</article>")
        html = client.get(LIST).content.decode()
        assert "Stored card" in html and "Real title" not in html

    def test_a_page_the_page_cache_builds_stores_its_cards(self, client, settings):
        settings.PUBLIC_PAGE_CACHE = True
        programme = ProgrammeFactory()
        client.get(LIST)
        assert cache.get(card_key(programme)) is not None

    def test_a_card_is_filed_per_language(self, client):
        programme = ProgrammeFactory(title_en="Tea road", title_ru="Чайный путь")
        assert "Tea road" in client.get(LIST).content.decode()
        assert "Чайный путь" in client.get("/ru/programmes/").content.decode()
        assert "Tea road" in client.get(LIST).content.decode()
        assert cache.get(card_key(programme, "ru")) != cache.get(card_key(programme, "en"))


class TestStaff:
    def test_staff_never_read_a_stored_card(self, publisher_client):
        programme = ProgrammeFactory(title="Real title")
        Client().get(LIST)
        cache.set(card_key(programme), "<article>Stored card</article>")
        html = publisher_client.get(LIST).content.decode()
        assert "Real title" in html and "Stored card" not in html

    def test_staff_never_store_a_card(self, publisher_client):
        programme = ProgrammeFactory(title="Real title")
        publisher_client.get(LIST)
        publisher_client.get(reverse("home"))
        assert not [key for key in cache._cache if ":fragment:" in key]
        Programme.objects.update(title_en="Changed without a signal")
        assert "Changed without a signal" in Client().get(LIST).content.decode()
        assert cache.get(card_key(programme)) is not None

    def test_a_preview_never_stores_a_card(self, publisher_client):
        site = HeritageSiteFactory(name="Related site")
        draft = ProgrammeFactory(status=DRAFT, published_at=None, heritage_sites=[site])
        html = publisher_client.get(draft.get_absolute_url() + "?preview").content.decode()
        assert "Related site" in html
        assert not [key for key in cache._cache if ":fragment:" in key]


class TestChanges:
    """The cards stored before a change are never shown after it."""

    def warm(self, client, url=LIST):
        page = client.get(url).content.decode()
        assert client.get(url).content.decode() == page
        assert [key for key in cache._cache if ":fragment:" in key]
        return page

    def test_saving_shows_the_new_card(self, client):
        programme = ProgrammeFactory(title="Old title")
        assert "Old title" in cards(self.warm(client))
        programme.title = "New title"
        programme.save()
        html = cards(client.get(LIST).content.decode())
        assert "New title" in html and "Old title" not in html

    def test_a_changed_link_shows_in_the_card(self, client):
        programme = ProgrammeFactory(languages=[LanguageFactory(name="Uzbek")])
        assert "Uzbek" in cards(self.warm(client))
        programme.languages.set([LanguageFactory(name="Tajik")])
        html = cards(client.get(LIST).content.decode())
        assert "Tajik" in html and "Uzbek" not in html

    def test_an_unpublished_record_never_shows(self, client):
        site = HeritageSiteFactory()
        ProgrammeFactory(title="Staying", heritage_sites=[site])
        going = ProgrammeFactory(title="Going away", heritage_sites=[site])
        assert "Going away" in cards(self.warm(client))
        assert "Going away" in self.warm(client, site.get_absolute_url())
        going.status = DRAFT
        going.save()
        html = cards(client.get(LIST).content.decode())
        assert "Staying" in html and "Going away" not in html
        html = client.get(site.get_absolute_url()).content.decode()
        assert "Staying" in html and "Going away" not in html

    def test_a_card_changes_when_a_related_record_expires_on_schedule(self, client, settings):
        settings.PUBLIC_CACHE_MAX_TIMEOUT = None  # as with Redis: only the schedule ends it
        noon = timezone.make_aware(
            datetime.datetime.combine(timezone.localdate(), datetime.time(12))
        )
        at = noon + datetime.timedelta(minutes=30)
        with time_machine.travel(noon, tick=False):
            host = CountryFactory(name="Kyrgyzstan", expire_at=at)
            ProgrammeFactory(title="Mountain school", host_country=host)
            assert "Kyrgyzstan" in cards(self.warm(client))
        with time_machine.travel(at - datetime.timedelta(seconds=1), tick=False):
            assert "Kyrgyzstan" in cards(client.get(LIST).content.decode())
        with time_machine.travel(at, tick=False):
            html = cards(client.get(LIST).content.decode())
        assert "Mountain school" in html and "Kyrgyzstan" not in html


class TestRenderedOnce:
    """`{% rendered_once %}`: the navigation and footer, rendered once per language and page
    section, never another language's nor another page's."""

    def test_a_body_is_rendered_once_for_each_language_and_value(self):
        template = Template(
            "{% load fragments %}{% rendered_once x %}{{ x }}{{ y }}{% endrendered_once %}"
        )
        assert template.render(Context({"x": 1, "y": "a"})) == "1a"
        assert template.render(Context({"x": 1, "y": "b"})) == "1a"
        assert template.render(Context({"x": 2, "y": "b"})) == "2b"
        with translation.override("ru"):
            assert template.render(Context({"x": 1, "y": "c"})) == "1c"

    def test_the_navigation_follows_the_page_and_the_language(self, client):
        def current(path):
            html = client.get(path).content.decode()
            nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group()
            footer = re.search(r"<footer.*?</footer>", html, re.S).group()
            return re.findall(r'<a href="([^"]+)" aria-current="page">([^<]+)</a>', nav), footer

        [(href, label)], footer = current("/ru/programmes/")
        assert href == "/ru/programmes/" and label == "Программы"
        assert 'href="/ru/countries/"' in footer
        [(href, label)], footer = current("/en/festivals/")
        assert href == "/en/festivals/" and label == "Festivals"
        assert 'href="/en/countries/"' in footer and "/ru/" not in footer
        [(href, _label)], _footer = current("/ru/festivals/")
        assert href == "/ru/festivals/"
        assert current("/en/search/?q=silk")[0] == []
