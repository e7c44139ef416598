"""The open data API: what it shows, how it filters, pages, translates, caches and limits."""

import base64
import os
import uuid
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from routes.tests.factories import CityStopFactory, RouteFactory, site_stop
from scoculture.cache import redis_cache
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, days, live_redis, scheduled
from universities.tests.factories import PriorityAreaFactory, UniversityFactory

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/6")
EXPIRED = {"expire_at": timezone.now() - timezone.timedelta(hours=1)}
KINDS = [
    ("programmes", ProgrammeFactory),
    ("festivals", FestivalFactory),
    ("universities", UniversityFactory),
    ("heritage-sites", HeritageSiteFactory),
    ("routes", RouteFactory),
    ("countries", CountryFactory),
]


def api(client, path, **params):
    url = f"/api/v1/{path}"
    return client.get(f"{url}?{urlencode(params)}" if params else url)


def listed(client, path, **params):
    response = api(client, path, **params)
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


class TestPublishedOnly:
    @pytest.mark.parametrize(("path", "factory"), KINDS)
    def test_drafts_scheduled_and_expired_never_appear(self, client, path, factory):
        factory(slug="public")
        factory(slug="draft", **DRAFT)
        factory(slug="scheduled", **scheduled())
        factory(slug="expired", **EXPIRED)
        rows = listed(client, f"{path}/")
        assert "public" in rows
        assert not {"draft", "scheduled", "expired"} & set(rows)
        assert api(client, f"{path}/public/").status_code == 200
        for slug in ("draft", "scheduled", "expired"):
            assert api(client, f"{path}/{slug}/").status_code == 404

    def test_draft_related_records_are_not_named(self, client):
        host = CountryFactory(slug="draft-host", **DRAFT)
        partner = CountryFactory(slug="draft-partner", **DRAFT)
        visible = CountryFactory(slug="visible")
        ProgrammeFactory(
            slug="p",
            host_country=host,
            partner_countries=[partner, visible],
            host_universities=[UniversityFactory(slug="draft-uni", **DRAFT)],
            heritage_sites=[HeritageSiteFactory(slug="later-site", **scheduled())],
        )
        FestivalFactory(slug="draft-festival", heritage_sites=[], **DRAFT)
        row = api(client, "programmes/p/").json()
        assert row["host_country"] is None
        assert [c["slug"] for c in row["partner_countries"]] == ["visible"]
        assert row["host_universities"] == []
        assert row["heritage_sites"] == []
        listed_row = api(client, "programmes/").json()["results"][0]
        assert listed_row == row

    def test_a_site_names_only_published_programmes_and_festivals(self, client):
        site = HeritageSiteFactory(slug="site")
        ProgrammeFactory(slug="shown", heritage_sites=[site])
        ProgrammeFactory(slug="hidden", heritage_sites=[site], **DRAFT)
        FestivalFactory(slug="later", heritage_sites=[site], **scheduled())
        row = api(client, "heritage-sites/site/").json()
        assert [p["slug"] for p in row["programmes"]] == ["shown"]
        assert row["festivals"] == []

    def test_a_route_names_only_its_visible_stops_with_their_legs(self, client):
        uz = CountryFactory(slug="uz", code="UZ")
        route = RouteFactory(slug="r")
        samarkand = HeritageSiteFactory(
            slug="samarkand", countries=[uz], latitude="39.6547", longitude="66.9758"
        )
        site_stop(route, samarkand, 1)
        hidden = HeritageSiteFactory(countries=[uz], latitude="40", longitude="65", **DRAFT)
        site_stop(route, hidden, 2)
        CityStopFactory(
            route=route,
            position=3,
            name="Bukhara",
            country=uz,
            latitude="39.775",
            longitude="64.415",
        )
        row = api(client, "routes/r/").json()
        assert [stop["name"] for stop in row["stops"]] == [samarkand.name, "Bukhara"]
        first, second = row["stops"]
        assert first["heritage_site"]["slug"] == "samarkand" and second["heritage_site"] is None
        assert first["km_from_previous"] is None
        assert second["km_from_previous"] == pytest.approx(219.4, abs=0.1)
        assert row["length_km"] == second["km_from_previous"]
        assert row["countries"] == [{"slug": "uz", "name": uz.name, "code": "UZ"}]
        assert (first["latitude"], first["longitude"]) == (39.6547, 66.9758)


@pytest.mark.parametrize(("path", "factory"), KINDS)
def test_a_page_costs_the_same_queries_for_3_rows_as_for_12(client, path, factory):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert api(client, f"{path}/").status_code == 200
        return len(captured)

    for _ in range(3):
        factory()
    few = queries()
    for _ in range(9):
        factory()
    assert queries() == few


class TestFilters:
    """The API's lists are its pages' lists: the same FilterSets, so the same rows."""

    @pytest.fixture
    def records(self):
        kz, cn = CountryFactory(slug="kz"), CountryFactory(slug="cn")
        area = PriorityAreaFactory(slug="ecology")
        ProgrammeFactory(slug="scholarship", kind="scholarship", host_country=kz)
        ProgrammeFactory(slug="closed", application_deadline=days(-3), start_date=days(10))
        ProgrammeFactory(slug="partner", host_country=cn, partner_countries=[kz])
        FestivalFactory(slug="past", start_date=days(-30), end_date=days(-29))
        FestivalFactory(slug="film", kind="film_festival", host_country=kz)
        UniversityFactory(slug="member", country=kz, sco_university_member=True)
        UniversityFactory(slug="eco", country=cn, priority_areas=[area])
        HeritageSiteFactory(slug="silk", name="Silk Roads", countries=[kz, cn])
        HeritageSiteFactory(slug="natural", category="natural", countries=[cn])
        steppe = RouteFactory(slug="steppe", theme="nature")
        CityStopFactory(route=steppe, country=kz, latitude="43.0", longitude="77.0")
        CityStopFactory(route=steppe, country=cn, latitude="43.0", longitude="87.0")
        RouteFactory(slug="no-stops")

    @pytest.mark.parametrize(
        ("path", "page", "params"),
        [
            ("programmes/", "/en/programmes/", {}),
            ("programmes/", "/en/programmes/", {"kind": "scholarship"}),
            ("programmes/", "/en/programmes/", {"country": "kz"}),
            ("programmes/", "/en/programmes/", {"open": "on"}),
            ("festivals/", "/en/festivals/", {}),
            ("festivals/", "/en/festivals/", {"when": "all"}),
            ("festivals/", "/en/festivals/", {"when": "past"}),
            ("festivals/", "/en/festivals/", {"kind": "film_festival", "country": "kz"}),
            ("universities/", "/en/universities/", {"member": "on"}),
            ("universities/", "/en/universities/", {"area": "ecology"}),
            ("heritage-sites/", "/en/heritage/", {"q": "silk"}),
            ("heritage-sites/", "/en/heritage/", {"transboundary": "on"}),
            ("heritage-sites/", "/en/heritage/", {"category": "natural", "country": "cn"}),
            ("routes/", "/en/routes/", {}),
            ("routes/", "/en/routes/", {"country": "cn", "theme": "nature"}),
            ("routes/", "/en/routes/", {"length": "medium"}),
        ],
    )
    def test_same_rows_as_the_page(self, client, records, path, page, params):
        shown = client.get(page, params).context["paginator"].object_list
        expected = sorted(obj.slug for obj in shown)
        assert expected, "each case keeps some rows"
        assert sorted(listed(client, path, **params)) == expected

    def test_an_invalid_filter_is_a_400_naming_it(self, client, records):
        response = api(client, "programmes/", country="atlantis", starts_after="not-a-date")
        assert response.status_code == 400
        assert set(response.json()) == {"country", "starts_after"}

    def test_sort_is_not_a_parameter(self, client, records):
        # The cursor fixes the order; the page's sort does not reach the API.
        assert listed(client, "programmes/", sort="title") == listed(client, "programmes/")


class TestCursorPagination:
    def test_walks_every_row_once(self, client):
        for n in range(7):
            ProgrammeFactory(slug=f"p{n}")
        ProgrammeFactory(slug="draft", **DRAFT)
        seen, url, pages = [], "/api/v1/programmes/?page_size=3", 0
        while url:
            body = client.get(url).json()
            seen += [row["slug"] for row in body["results"]]
            url, pages = body["next"], pages + 1
        assert sorted(seen) == [f"p{n}" for n in range(7)]
        assert len(seen) == len(set(seen)) == 7
        assert pages == 3

    def test_a_row_published_between_pages_neither_repeats_nor_hides_others(self, client):
        for n in range(4):
            ProgrammeFactory(slug=f"p{n}")
        first = client.get("/api/v1/programmes/?page_size=2").json()
        ProgrammeFactory(slug="new")  # a higher key: it comes at the end
        second = client.get(first["next"]).json()
        rest = client.get(second["next"]).json()
        slugs = [r["slug"] for page in (first, second, rest) for r in page["results"]]
        assert slugs == ["p0", "p1", "p2", "p3", "new"]

    @pytest.mark.parametrize("position", ["abc", "1e5", "²", "\x00", "9" * 40])
    def test_a_forged_cursor_is_a_404_not_an_error(self, client, position):
        ProgrammeFactory()
        cursor = base64.b64encode(urlencode({"p": position}).encode()).decode()
        response = api(client, "programmes/", cursor=cursor)
        assert response.status_code == 404


class TestLanguage:
    @pytest.fixture
    def programme(self):
        return ProgrammeFactory(
            slug="p", title="Silk Road school", title_ru="Школа Шёлкового пути", summary="Only EN"
        )

    def test_lang_parameter_translates_with_english_fallback(self, client, programme):
        row = api(client, "programmes/p/", lang="ru").json()
        assert row["title"] == "Школа Шёлкового пути"
        assert row["summary"] == "Only EN"  # no Russian summary: English
        assert row["url"].endswith("/ru/programmes/p/")

    def test_accept_language_header(self, client, programme):
        programme.title_zh_hans = "丝绸之路学校"
        programme.save()
        response = client.get("/api/v1/programmes/", HTTP_ACCEPT_LANGUAGE="zh-hans")
        assert response.json()["results"][0]["title"] == "丝绸之路学校"
        assert response["Content-Language"] == "zh-hans"

    def test_parameter_wins_over_header(self, client, programme):
        response = client.get("/api/v1/programmes/p/?lang=en", HTTP_ACCEPT_LANGUAGE="ru")
        assert response.json()["title"] == "Silk Road school"
        assert response["Content-Language"] == "en"

    def test_the_sites_language_cookie_does_not_choose(self, client, programme):
        # Responses vary on the header alone; a cookie would let a shared cache mix languages.
        client.cookies["django_language"] = "ru"
        assert api(client, "programmes/p/").json()["title"] == "Silk Road school"
        response = client.get("/api/v1/programmes/p/", HTTP_ACCEPT_LANGUAGE="xx, ru;q=0.5")
        assert response.json()["title"] == "Школа Шёлкового пути"

    def test_unknown_language_is_a_400(self, client, programme):
        response = api(client, "programmes/p/", lang="xx")
        assert response.status_code == 400
        assert "lang" in response.json()


class TestHeaders:
    def test_etag_and_304(self, client):
        programme = ProgrammeFactory(slug="p")
        first = api(client, "programmes/p/")
        assert first.status_code == 200
        etag = first["ETag"]
        again = client.get("/api/v1/programmes/p/", HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again["Access-Control-Allow-Origin"] == "*"
        programme.title = "Renamed"
        programme.save()
        changed = client.get("/api/v1/programmes/p/", HTTP_IF_NONE_MATCH=etag)
        assert changed.status_code == 200
        assert changed["ETag"] != etag

    def test_the_etag_differs_by_language(self, client):
        ProgrammeFactory(slug="p", title_ru="Программа")
        assert (
            api(client, "programmes/p/")["ETag"] != api(client, "programmes/p/", lang="ru")["ETag"]
        )

    def test_cors_on_get_and_preflight(self, client):
        ProgrammeFactory()
        response = api(client, "programmes/")
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in response["Access-Control-Expose-Headers"]
        preflight = client.options(
            "/api/v1/programmes/",
            HTTP_ORIGIN="https://example.org",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        )
        assert preflight.status_code == 200
        assert preflight["Access-Control-Allow-Origin"] == "*"
        assert "GET" in preflight["Access-Control-Allow-Methods"]

    def test_an_unknown_address_is_a_json_404(self, client):
        for path in ("/api/v1/nothing/", "/api/v1/programmes/%C2%84/", "/api/v1/programmes/a/b/"):
            response = client.get(path)
            assert response.status_code == 404
            assert response["Content-Type"] == "application/json"
            assert response["Access-Control-Allow-Origin"] == "*"
        assert client.get("/api/v1/programmes").status_code == 301  # APPEND_SLASH still works

    def test_the_api_is_read_only(self, client):
        ProgrammeFactory(slug="p")
        assert client.post("/api/v1/programmes/", {}).status_code == 405
        assert client.delete("/api/v1/programmes/p/").status_code == 405
        assert client.post("/api/v1/programmes/").get("Access-Control-Allow-Origin") is None

    def test_licence_in_a_link_header_and_the_schema(self, client, settings):
        response = api(client, "countries/")
        assert response["Link"] == f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'
        schema = client.get("/api/v1/schema.json")
        assert schema["Content-Type"].startswith("application/")
        body = schema.json()
        assert body["openapi"].startswith("3.")
        assert body["info"]["license"] == settings.OPEN_DATA_LICENCE
        assert schema["Link"] == response["Link"]


def test_the_schema_is_built_once_per_language(client, monkeypatch):
    from drf_spectacular.generators import SchemaGenerator

    from api.views import SchemaView

    monkeypatch.setattr(SchemaView, "built", {})
    calls = []
    build = SchemaGenerator.get_schema

    def counted(self, *args, **kwargs):
        calls.append(1)
        return build(self, *args, **kwargs)

    monkeypatch.setattr(SchemaGenerator, "get_schema", counted)
    english = [client.get("/api/v1/schema.json").json() for _ in range(2)]
    russian = client.get("/api/v1/schema.json?lang=ru").json()
    assert len(calls) == 2
    assert english[0] == english[1]
    assert russian != english[0]  # the filters' descriptions, in Russian


class TestRateLimit:
    @override_settings(OPEN_DATA_RATE_LIMIT="3/min")
    def test_a_client_over_its_rate_gets_429_with_retry_after(self, client):
        for _ in range(3):
            assert api(client, "countries/").status_code == 200
        refused = api(client, "countries/")
        assert refused.status_code == 429
        assert 0 < int(refused["Retry-After"]) <= 60
        assert refused["Access-Control-Allow-Origin"] == "*"
        # Counted per client: another address still gets through.
        assert client.get("/api/v1/countries/", REMOTE_ADDR="10.0.0.9").status_code == 200

    @override_settings(OPEN_DATA_RATE_LIMIT="3/min")
    def test_a_forwarded_for_header_does_not_make_a_new_client(self, client):
        for n in range(3):
            client.get("/api/v1/countries/", HTTP_X_FORWARDED_FOR=f"10.0.1.{n}")
        refused = client.get("/api/v1/countries/", HTTP_X_FORWARDED_FOR="10.0.1.99")
        assert refused.status_code == 429


def use_live_redis(settings, name):
    """The Redis at TEST_REDIS_URL as the cache, under a prefix of this test's own (others
    share the server): (client, prefix). Skips without a server."""
    server = live_redis(REDIS_URL)
    prefix = f"{name}-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {**redis_cache(REDIS_URL), "KEY_PREFIX": prefix}}
    return server, prefix


def test_with_redis_the_counts_live_in_redis(client, settings):
    """With REDIS_URL the throttle counts in Redis, which every worker shares."""
    server, prefix = use_live_redis(settings, "api-test")
    settings.OPEN_DATA_RATE_LIMIT = "2/min"
    try:
        assert [api(client, "countries/").status_code for _ in range(3)] == [200, 200, 429]
        assert [key for key in server.scan_iter(f"{prefix}:*") if b"throttle_open_data" in key]
    finally:
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)
