"""Bulk dumps: every published record of a kind as one CSV or JSON file, built once and
served from the cache until the content changes."""

import csv
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from api.tests.test_api import KINDS, use_live_redis
from festivals.tests.factories import FestivalFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, days, scheduled
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def dump_slugs(response, fmt):
    if fmt == "json":
        return sorted(row["slug"] for row in response.json()["results"])
    header, *rows, trailer = csv_rows(response)
    assert trailer[0] == "# end of export"
    return sorted(row[header.index("Slug")] for row in rows)


class TestContent:
    @pytest.mark.parametrize(("kind", "factory"), KINDS)
    @pytest.mark.parametrize("fmt", ["csv", "json"])
    def test_published_records_only(self, client, kind, factory, fmt):
        factory(slug="public")
        factory(slug="draft", **DRAFT)
        factory(slug="scheduled", **scheduled())
        response = client.get(f"/api/v1/dumps/{kind}.{fmt}")
        assert response.status_code == 200
        assert "public" in dump_slugs(response, fmt)
        assert not {"draft", "scheduled"} & set(dump_slugs(response, fmt))

    def test_past_festivals_are_in_the_dump(self, client):
        # The list opens on what is to come; a dump holds every published record.
        FestivalFactory(slug="past", start_date=days(-300), end_date=days(-299))
        assert dump_slugs(client.get("/api/v1/dumps/festivals.json"), "json") == ["past"]

    def test_json_rows_are_the_api_records(self, client):
        ProgrammeFactory(slug="one")
        record = client.get("/api/v1/programmes/one/").json()
        dump = client.get("/api/v1/dumps/programmes.json").json()
        assert dump["results"] == [record]
        assert dump["count"] == 1
        assert dump["licence"]["name"] == "CC BY 4.0"

    def test_csv_is_the_staff_export_in_the_language_asked(self, client):
        ProgrammeFactory(slug="one", title="Summer", title_ru="Лето")
        header, row, _trailer = csv_rows(client.get("/api/v1/dumps/programmes.csv?lang=ru"))
        assert header[0] == "Название"
        assert row[0] == "Лето"


class TestHeaders:
    @pytest.mark.parametrize("fmt", ["csv", "json"])
    def test_download_headers_and_licence(self, client, fmt):
        CountryFactory()
        response = client.get(f"/api/v1/dumps/countries.{fmt}")
        assert response["Content-Disposition"] == f'attachment; filename="countries.{fmt}"'
        assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["ETag"]
        assert response["Last-Modified"]
        assert response["Content-Type"].startswith(
            "text/csv" if fmt == "csv" else "application/json"
        )

    def test_etag_and_last_modified_give_304(self, client):
        CountryFactory()
        first = client.get("/api/v1/dumps/countries.csv")
        again = client.get("/api/v1/dumps/countries.csv", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again["Link"]
        since = client.get(
            "/api/v1/dumps/countries.csv", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
        )
        assert since.status_code == 304

    @pytest.mark.parametrize(
        ("url", "status"),
        [
            ("/api/v1/dumps/nonsense.csv", 404),
            ("/api/v1/dumps/programmes.xml", 404),
            ("/api/v1/dumps/programmes.csv?lang=xx", 400),
        ],
    )
    def test_bad_addresses(self, client, url, status):
        assert client.get(url).status_code == status


class TestCache:
    def test_built_once_then_served_without_a_query(self, client, django_assert_num_queries):
        ProgrammeFactory.create_batch(3)
        client.get("/api/v1/dumps/programmes.json")
        with django_assert_num_queries(0):
            response = client.get("/api/v1/dumps/programmes.json")
        assert response.json()["count"] == 3

    def test_a_save_invalidates(self, client):
        ProgrammeFactory(slug="first")
        before = client.get("/api/v1/dumps/programmes.csv")
        ProgrammeFactory(slug="second")
        after = client.get("/api/v1/dumps/programmes.csv")
        assert dump_slugs(after, "csv") == ["first", "second"]
        assert after["ETag"] != before["ETag"]

    def test_build_dumps_fills_the_cache(self, client, django_assert_num_queries):
        UniversityFactory(slug="built")
        call_command("build_dumps", url="http://testserver", verbosity=0)
        with django_assert_num_queries(0):
            for kind, _factory in KINDS:
                for fmt in ("csv", "json"):
                    assert client.get(f"/api/v1/dumps/{kind}.{fmt}?lang=zh-hans").status_code == 200
        response = client.get("/api/v1/dumps/universities.json")
        assert response.json()["results"][0]["url"].startswith("http://testserver/en/")

    def test_with_redis_the_dump_lives_in_redis(self, client, settings):
        server, prefix = use_live_redis(settings, "dumps-test")
        settings.PUBLIC_CACHE_MAX_TIMEOUT = None
        try:
            CountryFactory(slug="in-redis")
            assert client.get("/api/v1/dumps/countries.json").status_code == 200
            assert [key for key in server.scan_iter(f"{prefix}:*") if b"dump" in key]
        finally:
            for key in server.scan_iter(f"{prefix}:*"):
                server.delete(key)


def test_timestamps_are_not_in_the_future(client):
    CountryFactory()
    response = client.get("/api/v1/dumps/countries.json")
    assert response.json()["generated_at"] <= timezone.now().isoformat()
