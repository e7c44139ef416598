"""Anonymous visitors' pages come from the page cache (scoculture.page_cache), which never
serves a signed-in user, a preview, or a page the content has moved past."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.models import Programme
from programmes.tests.factories import FieldOfStudyFactory, LanguageFactory, ProgrammeFactory
from scoculture.models import Publishable
from scoculture.page_cache import storable
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import free_port
from scoculture.tests.test_cache_faults import project_caches
from universities.tests.factories import PriorityAreaFactory, UniversityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE = True


LIST = "/en/programmes/"
DRAFT = Publishable.Status.DRAFT


def queries_of(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries.captured_queries)


def test_a_second_anonymous_request_makes_no_query_and_gets_the_same_bytes(
    client, django_assert_num_queries
):
    ProgrammeFactory(title="Silk Road summer school")
    first = client.get(LIST)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(LIST + "?")
    assert second.content == first.content
    assert b"Silk Road summer school" in second.content


def test_the_query_string_is_part_of_the_key_in_any_order(client, django_assert_num_queries):
    ProgrammeFactory(title="Tea caravan", kind=Programme.Kind.STUDENT_EXCHANGE)
    first = client.get(LIST + "?q=tea&sort=title")
    with django_assert_num_queries(0):
        assert client.get(LIST + "?sort=title&q=tea").content == first.content
    other, queries = queries_of(client, LIST + "?q=opera&sort=title")
    assert queries > 0
    assert b"Tea caravan" not in other.content


def test_head_requests_share_the_entry(client, django_assert_num_queries):
    ProgrammeFactory()
    client.get(LIST)
    with django_assert_num_queries(0):
        assert client.head(LIST).status_code == 200


class TestSignedIn:
    def test_a_signed_in_user_is_never_served_a_stored_page(self, client, publisher_client):
        ProgrammeFactory(title="Before")
        Client().get(LIST)  # stored for visitors
        Programme.objects.update(title_en="After")  # no signal: the entry stays
        assert b"Before" in Client().get(LIST).content
        assert b"After" in publisher_client.get(LIST).content

    def test_a_signed_in_users_page_is_never_stored(
        self, publisher_client, django_assert_num_queries
    ):
        ProgrammeFactory(title="Before")
        publisher_client.get(LIST)
        publisher_client.get(LIST)
        Programme.objects.update(title_en="After")
        visitor = Client()
        assert b"After" in visitor.get(LIST).content
        with django_assert_num_queries(0):  # the visitor's page is, though
            assert b"After" in visitor.get(LIST).content

    def test_the_staff_preview_is_never_stored(self, publisher_client, django_assert_num_queries):
        draft = ProgrammeFactory(title="Secret draft", status=DRAFT, published_at=None)
        published = ProgrammeFactory(title="Public one")
        visitor = Client()
        for programme in (draft, published):
            url = reverse("programmes:programme_detail", args=[programme.slug])
            assert b"preview" in publisher_client.get(url + "?preview").content.lower()
            assert publisher_client.get(url + "?preview")["Cache-Control"].startswith("max-age=0")
        url = reverse("programmes:programme_detail", args=[draft.slug])
        assert visitor.get(url + "?preview").status_code == 404
        assert visitor.get(url).status_code == 404
        url = reverse("programmes:programme_detail", args=[published.slug])
        page = visitor.get(url).content
        assert b"Public one" in page and b"preview" not in page.lower()
        with django_assert_num_queries(0):
            assert visitor.get(url).content == page


class TestEmptiedByChanges:
    KINDS = {
        "programme": (ProgrammeFactory, "title", "/en/programmes/"),
        "festival": (FestivalFactory, "title", "/en/festivals/"),
        "university": (UniversityFactory, "name", "/en/universities/"),
        "heritage": (HeritageSiteFactory, "name", "/en/heritage/"),
        "country": (CountryFactory, "name", "/en/countries/"),
    }

    @pytest.fixture(params=KINDS, ids=list(KINDS))
    def kind(self, request):
        return self.KINDS[request.param]

    def cached_list(self, client, url, django_assert_num_queries):
        page = client.get(url).content
        with django_assert_num_queries(0):
            assert client.get(url).content == page
        return page.decode()

    def test_saving(self, client, kind, django_assert_num_queries):
        factory, field, url = kind
        record = factory(**{field: "Old name"})
        assert "Old name" in self.cached_list(client, url, django_assert_num_queries)
        setattr(record, field, "New name")
        record.save()
        assert "New name" in client.get(url).content.decode()

    def test_unpublishing(self, client, kind, django_assert_num_queries):
        factory, field, url = kind
        record = factory(**{field: "Going away"})
        assert "Going away" in self.cached_list(client, url, django_assert_num_queries)
        record.status = DRAFT
        record.save()
        assert "Going away" not in client.get(url).content.decode()

    def test_publishing(self, client, kind, django_assert_num_queries):
        factory, field, url = kind
        record = factory(**{field: "Coming in"}, status=DRAFT, published_at=None)
        assert "Coming in" not in self.cached_list(client, url, django_assert_num_queries)
        record.status = Publishable.Status.PUBLISHED
        record.save()
        assert "Coming in" in client.get(url).content.decode()

    @pytest.mark.parametrize(
        ("factory", "relation", "url"),
        [
            (LanguageFactory, "languages", "/en/programmes/"),
            (FieldOfStudyFactory, "fields_of_study", "/en/programmes/"),
            (PriorityAreaFactory, "priority_areas", "/en/universities/"),
        ],
    )
    def test_renaming_a_vocabulary_entry(
        self, client, factory, relation, url, django_assert_num_queries
    ):
        """Languages, fields of study and priority areas are no Publishable, but cards and
        filter forms show their names."""
        entry = factory(name="Old term")
        owner = ProgrammeFactory() if relation != "priority_areas" else UniversityFactory()
        getattr(owner, relation).add(entry)
        assert "Old term" in self.cached_list(client, url, django_assert_num_queries)
        entry.name = "New term"
        entry.save()
        html = client.get(url).content.decode()
        assert "New term" in html and "Old term" not in html

    def test_deleting(self, client, kind, django_assert_num_queries):
        factory, field, url = kind
        record = factory(**{field: "Deleted soon"})
        assert "Deleted soon" in self.cached_list(client, url, django_assert_num_queries)
        record.delete()
        assert "Deleted soon" not in client.get(url).content.decode()

    def test_an_admin_bulk_action(self, publisher_client, django_assert_num_queries):
        client = Client()
        programme = ProgrammeFactory(title="Bulk unpublished")
        assert "Bulk unpublished" in self.cached_list(client, LIST, django_assert_num_queries)
        publisher_client.post(
            reverse("admin:programmes_programme_changelist"),
            {"action": "unpublish", "_selected_action": [programme.pk]},
        )
        assert "Bulk unpublished" not in client.get(LIST).content.decode()


class TestSchedule:
    """No save happens when a scheduled record's time comes: the generation ends by itself.
    The clock stands at noon today, so that midnight (which also ends it) is not crossed."""

    @pytest.fixture
    def noon(self, settings):
        settings.PUBLIC_CACHE_MAX_TIMEOUT = None  # as with Redis: only the schedule ends it
        midday = datetime.datetime.combine(timezone.localdate(), datetime.time(12))
        return timezone.make_aware(midday)

    def test_a_scheduled_record_appears_at_its_publication_time(
        self, client, noon, django_assert_num_queries
    ):
        at = noon + datetime.timedelta(minutes=30)
        with time_machine.travel(noon, tick=False):
            ProgrammeFactory(title="Scheduled one", published_at=at)
            ProgrammeFactory(title="Already out")
            assert b"Scheduled one" not in client.get(LIST).content
        just_before = time_machine.travel(at - datetime.timedelta(seconds=1), tick=False)
        with just_before, django_assert_num_queries(0):
            assert b"Scheduled one" not in client.get(LIST).content
        with time_machine.travel(at, tick=False):
            assert b"Scheduled one" in client.get(LIST).content

    def test_an_expiring_record_disappears_at_its_expiry_time(
        self, client, noon, django_assert_num_queries
    ):
        at = noon + datetime.timedelta(minutes=30)
        with time_machine.travel(noon, tick=False):
            ProgrammeFactory(title="Expiring one", expire_at=at)
            assert b"Expiring one" in client.get(LIST).content
        just_before = time_machine.travel(at - datetime.timedelta(seconds=1), tick=False)
        with just_before, django_assert_num_queries(0):
            assert b"Expiring one" in client.get(LIST).content
        with time_machine.travel(at, tick=False):
            assert b"Expiring one" not in client.get(LIST).content

    def test_pages_are_built_afresh_after_midnight(self, client, noon):
        # "Closes in N days" and "upcoming" move with the date, with no save.
        with time_machine.travel(noon, tick=False):
            ProgrammeFactory()
            client.get(LIST)
            assert queries_of(client, LIST)[1] == 0
        with time_machine.travel(noon + datetime.timedelta(hours=12), tick=False):
            assert queries_of(client, LIST)[1] > 0


def test_languages_are_separate_entries(client, django_assert_num_queries):
    ProgrammeFactory(title_en="Tea road", title_ru="Чайный путь")
    english = client.get(LIST)
    russian = client.get("/ru/programmes/")
    assert "Чайный путь" in russian.content.decode()
    assert "Чайный путь" not in english.content.decode()
    with django_assert_num_queries(0):
        assert client.get(LIST).content == english.content
        assert client.get("/ru/programmes/").content == russian.content


class TestConditional:
    def test_if_none_match_is_answered_304_from_the_cache(self, client, django_assert_num_queries):
        ProgrammeFactory()
        first = client.get(LIST)
        assert first["Cache-Control"] == "no-cache"  # browsers ask again each time
        with django_assert_num_queries(0):
            again = client.get(LIST, headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304
        assert again.content == b""

    def test_a_change_gives_a_new_etag(self, client):
        programme = ProgrammeFactory()
        etag = client.get(LIST)["ETag"]
        programme.title = "Renamed"
        programme.save()
        assert client.get(LIST, headers={"If-None-Match": etag}).status_code == 200


def test_the_language_switcher_and_filter_form_work_on_a_cached_page(
    client, django_assert_num_queries
):
    ProgrammeFactory(title="Opera school")
    client.get(LIST + "?q=opera")
    with django_assert_num_queries(0):
        page = client.get(LIST + "?q=opera").content.decode()
    switcher = page[page.index('class="language-switcher"') :]
    assert 'href="/ru/programmes/?q=opera"' in switcher
    assert 'href="/zh-hans/programmes/?q=opera"' in switcher
    # The public forms are GET forms: nothing personal (no CSRF token) is stored with them.
    forms = re.findall(r"<form[^>]*>", page)
    assert forms and all('method="get"' in form for form in forms)
    assert "csrfmiddlewaretoken" not in page
    russian = client.get("/ru/programmes/?q=opera").content.decode()
    assert 'href="/en/programmes/?q=opera"' in russian[russian.index('class="language-switcher"') :]


@pytest.mark.parametrize(
    "response",
    [
        pytest.param(HttpResponse(status=404), id="404"),
        pytest.param(HttpResponse(headers={"Cache-Control": "private"}), id="private"),
        pytest.param(HttpResponse(headers={"Cache-Control": "no-store"}), id="no-store"),
    ],
)
def test_what_is_never_stored(response):
    assert not storable(response)


def test_a_response_that_sets_a_cookie_is_never_stored():
    response = HttpResponse()
    response.set_cookie("csrftoken", "x")
    assert not storable(response)
    assert storable(HttpResponse())


def test_with_redis_down_pages_are_still_served(client, settings, monkeypatch):
    settings.CACHES = project_caches(monkeypatch, f"redis://127.0.0.1:{free_port()}/0")
    ProgrammeFactory(title="Still here")
    for _ in range(2):
        response = client.get(LIST)
        assert response.status_code == 200
        assert b"Still here" in response.content
