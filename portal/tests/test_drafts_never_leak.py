"""No public output names a record the public may not see yet.

Public content points at one draft or scheduled record of every kind it can point at: host,
partner and participating countries, host universities, heritage sites. Every page the
sitemaps list, in every language, the lists, search, the feeds, the calendars and every CSV
export of published rows must not name any of them. The names are unusual on purpose, so a
match anywhere is a leak.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from exports.exporters import exporters, iter_csv
from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from routes.tests.factories import CityStopFactory, RouteFactory, site_stop
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "zh-hans"]
HIDDEN = [
    "Draftlandia",
    "Soonlandia",
    "Hidden Academy",
    "Secret Citadel",
    "Unseen programme",
    "Veiled festival",
    "Hidden route",
    "Draft hamlet",
]


@pytest.fixture
def world():
    cache.clear()
    draft_country = CountryFactory(name="Draftlandia", slug="draftlandia", code="QD", **DRAFT)
    scheduled_country = CountryFactory(
        name="Soonlandia",
        slug="soonlandia",
        code="QS",
        published_at=timezone.now() + timezone.timedelta(days=2),
    )
    public_country = CountryFactory(name="Openlandia", slug="openlandia", code="QO")
    # Placed, so that the map would show them if it showed drafts.
    at = {"latitude": "40.0", "longitude": "70.0"}
    draft_university = UniversityFactory(
        name="Hidden Academy", slug="hidden-academy", country=public_country, **at, **DRAFT
    )
    draft_site = HeritageSiteFactory(name="Secret Citadel", slug="secret-citadel", **at, **DRAFT)
    ProgrammeFactory(title="Unseen programme", slug="unseen-programme", **DRAFT)
    FestivalFactory(title="Veiled festival", slug="veiled-festival", **at, **DRAFT)
    ProgrammeFactory(
        title="Visible programme",
        host_country=draft_country,
        partner_countries=[draft_country, scheduled_country, public_country],
        host_universities=[draft_university],
        heritage_sites=[draft_site],
        application_deadline=timezone.localdate() + timezone.timedelta(days=10),
    )
    festival = FestivalFactory(
        title="Visible festival",
        host_country=scheduled_country,
        participating_countries=[draft_country, public_country],
        heritage_sites=[draft_site],
        start_date=timezone.localdate() + timezone.timedelta(days=5),
        end_date=timezone.localdate() + timezone.timedelta(days=6),
    )
    UniversityFactory(name="Visible university", country=draft_country)
    HeritageSiteFactory(name="Visible site", countries=[draft_country, public_country])
    CityStopFactory(route=RouteFactory(title="Hidden route", slug="hidden-route", **DRAFT))
    route = RouteFactory(title="Visible route", slug="visible-route")
    CityStopFactory(route=route, name="Open town", country=public_country)
    draft_site.latitude, draft_site.longitude = 41, 69
    draft_site.save()
    site_stop(route, draft_site, 5)
    CityStopFactory(route=route, name="Draft hamlet", country=scheduled_country)
    return festival


def assert_hides_everything(text, where):
    for name in HIDDEN:
        assert name not in text, f"{name!r} leaks in {where}"
        slug = name.lower().replace(" ", "-")
        assert f"/{slug}/" not in text, f"a link to {slug} leaks in {where}"


def locations(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    assert_hides_everything(body, url)
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", body)]


def test_no_page_the_sitemaps_list_names_a_draft(client, world):
    pages = []
    for section in locations(client, reverse("sitemap")):
        pages += locations(client, section)
    assert len(pages) > 10  # the published records, in every language
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert_hides_everything(response.content.decode(), page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_search_feeds_and_calendars_name_no_draft(client, world, language):
    with translation.override(language):
        urls = [
            reverse("home"),
            reverse("programmes:programme_list"),
            reverse("festivals:festival_list"),
            reverse("universities:university_list"),
            reverse("heritage:site_list"),
            reverse("countries:country_list"),
            reverse("search") + "?q=Visible",
            reverse("map"),
            reverse("map_points") + "?when=all",
            reverse("programmes:programme_feed"),
            reverse("programmes:programme_calendar"),
            reverse("festivals:festival_feed") + "?when=all",
            reverse("festivals:festival_calendar") + "?when=all",
            reverse("universities:university_feed"),
            reverse("heritage:site_feed"),
            reverse("routes:route_feed"),
            reverse("calendar"),
            reverse("festivals:festival_ics", args=[world.slug]),
            reverse("routes:route_list"),
            reverse("routes:route_gpx", args=["visible-route"]),
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert_hides_everything(body, url)
    assert "Visible programme" in client.get(urls[0]).content.decode()


def test_exports_of_published_rows_name_no_draft(world):
    for identifier, exporter_class in exporters().items():
        if not hasattr(exporter_class, "from_params"):
            continue  # reports: covered by their own tests
        exporter = exporter_class.from_params({}, status="published")
        text = b"".join(iter_csv(exporter)).decode("utf-8-sig")
        assert_hides_everything(text, f"the {identifier} export")
