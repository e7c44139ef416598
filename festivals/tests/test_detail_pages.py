import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Format
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT
from scoculture.tests.structured import json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def country():
    return CountryFactory(name="Uzbekistan", code="UZ", slug="uzbekistan")


class TestFestivalPage:
    def test_shows_the_facts_and_links(self, client, country):
        participant = CountryFactory(name="Tajikistan", code="TJ")
        site = HeritageSiteFactory(name="Bukhara", countries=[country])
        programme = ProgrammeFactory(title="Uzbek language course", host_country=country)
        ProgrammeFactory(title="Rolling course", host_country=country, application_deadline=None)
        closed = ProgrammeFactory(
            title="Closed long ago",
            host_country=country,
            application_deadline=datetime.date(2020, 1, 1),
        )
        festival = FestivalFactory(
            title="Silk and Spices",
            host_country=country,
            city="Bukhara",
            venue="Lyabi-Hauz",
            participating_countries=[participant],
            heritage_sites=[site],
            edition="annual",
        )
        html = client.get(festival.get_absolute_url()).content.decode()
        for url in (
            country.get_absolute_url(),
            participant.get_absolute_url(),
            site.get_absolute_url(),
            programme.get_absolute_url(),
            reverse("festivals:festival_ics", kwargs={"slug": festival.slug}),
        ):
            assert f'href="{url}"' in html
        assert "Lyabi-Hauz" in html
        # Only programmes one can still apply to (rolling ones included).
        assert "Rolling course" in html
        assert closed.get_absolute_url() not in html
        assert "annual" in html

    @pytest.mark.parametrize(
        ("format_", "mode"),
        [
            (Format.IN_PERSON, "OfflineEventAttendanceMode"),
            (Format.ONLINE, "OnlineEventAttendanceMode"),
            (Format.HYBRID, "MixedEventAttendanceMode"),
        ],
    )
    def test_json_ld_event_with_location_and_attendance_mode(self, client, country, format_, mode):
        festival = FestivalFactory(
            host_country=country,
            city="Samarkand",
            venue="Registan",
            format=format_,
            website="https://example.org/live",
            latitude="39.6547",
            longitude="66.9758",
        )
        ld = json_ld(client.get(festival.get_absolute_url()))["Festival"]
        assert ld["eventAttendanceMode"] == f"https://schema.org/{mode}"
        assert ld["startDate"] == festival.start_date.isoformat()
        assert ld["endDate"] == festival.end_date.isoformat()
        locations = ld["location"] if isinstance(ld["location"], list) else [ld["location"]]
        types = sorted(location["@type"] for location in locations)
        expected = {
            Format.IN_PERSON: ["Place"],
            Format.ONLINE: ["VirtualLocation"],
            Format.HYBRID: ["Place", "VirtualLocation"],
        }[format_]
        assert types == expected
        for location in locations:
            if location["@type"] == "Place":
                assert location["name"] == "Registan"
                assert location["address"]["addressLocality"] == "Samarkand"
                assert location["address"]["addressCountry"] == "UZ"
                # The point is the Place's (an Event has no `geo`).
                assert location["geo"] == {
                    "@type": "GeoCoordinates",
                    "latitude": 39.6547,
                    "longitude": 66.9758,
                }

    @pytest.mark.parametrize(
        ("kind", "schema_type"),
        [
            (Festival.Kind.FILM_FESTIVAL, "Festival"),
            (Festival.Kind.EXHIBITION, "ExhibitionEvent"),
            (Festival.Kind.FORUM, "Event"),
        ],
    )
    def test_json_ld_type_follows_the_kind(self, client, kind, schema_type):
        festival = FestivalFactory(kind=kind)
        data = json_ld(client.get(festival.get_absolute_url()))
        assert data[schema_type]["name"] == festival.title

    def test_drafts_never_leak(self, client, country):
        festival = FestivalFactory(
            host_country=country,
            participating_countries=[CountryFactory(name="Draftistan", **DRAFT)],
            heritage_sites=[HeritageSiteFactory(name="Draft Site", **DRAFT)],
        )
        ProgrammeFactory(title="Draft Programme", host_country=country, **DRAFT)
        html = client.get(festival.get_absolute_url()).content.decode()
        for name in ("Draftistan", "Draft Site", "Draft Programme"):
            assert name not in html

    def test_open_programmes_of_the_host_soonest_first_rolling_last(self, client, country):
        """Hosted, taking part, both (listed once), hosted by a draft country; past deadlines,
        drafts, scheduled ones and other countries' left out; rolling admissions last."""
        other = CountryFactory()
        draft_country = CountryFactory(**DRAFT)
        today = timezone.localdate()

        def programme(days, **fields):
            deadline = None if days is None else today + timezone.timedelta(days=days)
            return ProgrammeFactory(application_deadline=deadline, **fields)

        expected = [
            programme(0, host_country=country),
            programme(10, host_country=other, partner_countries=[country]),
            programme(20, host_country=country, partner_countries=[country, other]),
            programme(30, host_country=draft_country, partner_countries=[country]),
            programme(None, host_country=other, partner_countries=[country]),
        ]
        programme(-1, host_country=country)
        programme(5, host_country=country, **DRAFT)
        programme(5, host_country=country, published_at=timezone.now() + timezone.timedelta(1))
        programme(5, host_country=other, partner_countries=[draft_country])
        festival = FestivalFactory(host_country=country)
        response = client.get(festival.get_absolute_url())
        assert list(response.context["country_programmes"]) == expected

    def test_draft_is_404(self, client):
        assert client.get(FestivalFactory(**DRAFT).get_absolute_url()).status_code == 404

    @pytest.mark.parametrize("n", [2, 10])
    def test_query_count(self, client, django_assert_num_queries, country, n):
        festival = FestivalFactory(
            host_country=country,
            participating_countries=CountryFactory.create_batch(n),
            heritage_sites=HeritageSiteFactory.create_batch(n, countries=[country]),
        )
        ProgrammeFactory.create_batch(n, host_country=country)
        # festival (its host country joined), participating countries, sites, locator map,
        # programmes of the country (their hosts joined), photos; 8 while each host country
        # was a query of its own. The content type the photos read, cached by a process.
        ContentType.objects.get_for_model(festival)
        with django_assert_num_queries(6):
            assert client.get(festival.get_absolute_url()).status_code == 200
