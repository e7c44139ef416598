"""The coordinates of every kind that has them, in the open-data API and the staff CSV
exports: numbers in degrees, null (API) or an empty cell (CSV) when unknown; drafts absent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from scoculture.tests.csvfiles import read_export
from scoculture.tests.helpers import DRAFT
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

# API path, export URL name, factory.
KINDS = {
    "festival": ("festivals", "festivals:festival_export", FestivalFactory),
    "university": ("universities", "universities:university_export", UniversityFactory),
    "heritage": ("heritage-sites", "heritage:site_export", HeritageSiteFactory),
}


@pytest.fixture(params=KINDS)
def kind(request):
    return KINDS[request.param]


@pytest.fixture
def records(kind):
    _path, _export, factory = kind
    factory(slug="placed", latitude="39.654700", longitude="66.975800")
    factory(slug="unplaced")
    factory(slug="draft-placed", latitude="40.1", longitude="65.1", **DRAFT)


def test_the_api_gives_the_point_or_null(client, kind, records):
    path = kind[0]
    rows = {row["slug"]: row for row in client.get(f"/api/v1/{path}/").json()["results"]}
    assert set(rows) == {"placed", "unplaced"}
    assert (rows["placed"]["latitude"], rows["placed"]["longitude"]) == (39.6547, 66.9758)
    assert (rows["unplaced"]["latitude"], rows["unplaced"]["longitude"]) == (None, None)
    assert client.get(f"/api/v1/{path}/placed/").json() == rows["placed"]
    assert client.get(f"/api/v1/{path}/draft-placed/").status_code == 404


def test_the_api_does_not_fetch_the_maps_it_does_not_show(client, kind, records):
    """The locator maps are a detail page's prefetch, not `for_detail()`'s, which the API
    shares: a list or a record of the API never asks for them."""
    path = kind[0]
    for url in (f"/api/v1/{path}/", f"/api/v1/{path}/placed/"):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert not [q for q in captured if "photos_locatormap" in q["sql"]], url


def test_the_csv_export_has_latitude_and_longitude_columns(client, reporter, kind, records):
    client.force_login(reporter)
    response = client.get(reverse(kind[1]))
    header, *rows = read_export(b"".join(response.streaming_content))
    latitude, longitude, slug = (header.index(name) for name in ("Latitude", "Longitude", "Slug"))
    cells = {row[slug]: (row[latitude], row[longitude]) for row in rows}
    assert cells == {"placed": ("39.654700", "66.975800"), "unplaced": ("", "")}
