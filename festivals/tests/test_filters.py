"""The programmes, festivals and universities FilterSets: each filter narrows exactly."""

import datetime

import pytest
from django.utils import timezone

from festivals.filters import FestivalFilter
from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from scoculture.models import Format, Sector
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import result

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


class TestFestivalFilter:
    def test_text_kind_format_sector(self):
        FestivalFactory(slug="film", title="Film forum", kind=Festival.Kind.FILM_FESTIVAL)
        FestivalFactory(slug="music", city="Bishkek", format=Format.ONLINE, sector=Sector.PEOPLE)
        assert result(FestivalFilter, q="film") == ["film"]
        assert result(FestivalFilter, q="bishkek") == ["music"]
        assert result(FestivalFilter, kind="film_festival") == ["film"]
        assert result(FestivalFilter, format="online") == ["music"]
        assert result(FestivalFilter, sector="people") == ["music"]

    def test_country_is_host_or_participant_never_twice(self):
        kz, cn = CountryFactory(slug="kz"), CountryFactory(slug="cn")
        FestivalFactory(slug="host", host_country=kz, participating_countries=[kz, cn])
        FestivalFactory(slug="guest", host_country=cn, participating_countries=[kz])
        FestivalFactory(slug="other", host_country=cn)
        assert result(FestivalFilter, country="kz") == ["guest", "host"]
        facets = {f.name: f for f in FestivalFilter().facets}
        assert {c.value: c.count for c in facets["country"].choices} == {"kz": 2, "cn": 3}

    def test_upcoming_past_and_date_range(self):
        day = datetime.timedelta(days=1)
        FestivalFactory(slug="running", start_date=TODAY - day, end_date=TODAY + day)
        FestivalFactory(slug="over", start_date=TODAY - 5 * day, end_date=TODAY - day)
        FestivalFactory(slug="soon", start_date=TODAY + 9 * day, end_date=None)
        assert result(FestivalFilter, when="upcoming") == ["running", "soon"]
        assert result(FestivalFilter, when="past") == ["over"]
        window = {"date_from": str(TODAY - 2 * day), "date_to": str(TODAY)}
        assert result(FestivalFilter, **window) == ["over", "running"]
        assert result(FestivalFilter, date_from=str(TODAY + 2 * day)) == ["soon"]

    def test_sort_by_date(self):
        # Upcoming, as the list shows by default.
        FestivalFactory(slug="one", start_date=TODAY + datetime.timedelta(days=30), end_date=None)
        FestivalFactory(slug="two", start_date=TODAY + datetime.timedelta(days=60), end_date=None)
        assert [f.slug for f in FestivalFilter().qs] == ["one", "two"]
        assert [f.slug for f in FestivalFilter({"sort": "latest"}).qs] == ["two", "one"]

    @pytest.mark.parametrize(
        "data", [{"when": "tomorrow"}, {"date_from": "2027-13-01"}, {"country": "𝕏"}]
    )
    def test_bad_input(self, data):
        FestivalFactory()
        filterset = FestivalFilter(data)
        assert not filterset.is_valid() and list(filterset.qs) == []
