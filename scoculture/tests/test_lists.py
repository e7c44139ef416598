"""What every public list shares: the country list, and random query strings never crash a list."""

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from portal.counts import count_country_shares
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Country, Publishable
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

LIST_URLS = [
    "programmes:programme_list",
    "festivals:festival_list",
    "universities:university_list",
    "heritage:site_list",
    "countries:country_list",
]

# Parameter names the lists know, plus a few they don't.
KEYS = [
    "q", "kind", "country", "university", "level", "field", "language", "format", "funding",
    "sector", "open", "deadline_before", "starts_after", "starts_before", "sort", "when",
    "date_from", "date_to", "member", "area", "category", "unesco_status", "inscribed_from",
    "inscribed_to", "criterion", "in_danger", "transboundary", "page", "unknown",
]  # fmt: skip

# Any Unicode text the URL can carry (lone surrogates cannot be encoded in a URL at all).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
VALUES = st.one_of(
    TEXT,
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.dates().map(str),
    st.sampled_from(["", "on", "true", "kz", "scholarship", "iii", "\x00", "𝕏", "\u200f"]),
)
PARAMS = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6)
DAY = timezone.timedelta(days=1)
RAW_QUERY = st.text(st.sampled_from("abcdkqz0129=&%+;?#é𝕏\x00\u202e-_.~ "), max_size=60)


@pytest.fixture
def content():
    kz = CountryFactory(slug="kz")
    ProgrammeFactory(host_country=kz, partner_countries=[CountryFactory()])
    FestivalFactory(host_country=kz)
    UniversityFactory(country=kz)
    HeritageSiteFactory(countries=[kz])


@pytest.mark.parametrize("name", LIST_URLS)
def test_random_query_strings_never_crash_a_list(client, content, name):
    url = reverse(name)

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(params=PARAMS, raw=RAW_QUERY)
    def check(params, raw):
        assert client.get(url, params).status_code in (200, 404)
        assert client.get(f"{url}?{raw}").status_code in (200, 404)

    check()


class TestCountryList:
    def test_groups_by_status_with_counts_and_hides_drafts(self, client):
        kz = CountryFactory(name="Kazakhstan", sco_status=Country.SCOStatus.MEMBER)
        CountryFactory(name="Mongolia", sco_status=Country.SCOStatus.OBSERVER)
        CountryFactory(name="Atlantis", status=Publishable.Status.DRAFT)
        ProgrammeFactory(host_country=kz)
        ProgrammeFactory(partner_countries=[kz])
        ProgrammeFactory(host_country=kz, partner_countries=[kz])
        ProgrammeFactory(host_country=kz, status=Publishable.Status.DRAFT)
        HeritageSiteFactory(countries=[kz])
        response = client.get(reverse("countries:country_list"))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Member states" in html and "Observer states" in html
        assert "Dialogue partners" not in html  # an empty group is left out
        assert html.index("Kazakhstan") < html.index("Observer states") < html.index("Mongolia")
        assert "Atlantis" not in html
        assert "3 programmes" in html and "1 heritage site" in html

    def test_counts_each_published_row_once_by_host_or_guest(self):
        """Hosted only, guest only, host and guest of the same row (once), drafts, scheduled
        and expired rows, rows of a draft country: the counts the page shows."""
        kz, uz = CountryFactory(slug="kz"), CountryFactory(slug="uz")
        draft_country = CountryFactory(slug="atlantis", status=Publishable.Status.DRAFT)
        now = timezone.now()
        hidden = [
            {"status": Publishable.Status.DRAFT},
            {"published_at": now + timezone.timedelta(days=1)},  # scheduled
            {"expire_at": now - timezone.timedelta(hours=1), "published_at": now - DAY},
        ]
        ProgrammeFactory(host_country=kz)
        ProgrammeFactory(host_country=uz, partner_countries=[kz])
        ProgrammeFactory(host_country=kz, partner_countries=[kz, uz])
        ProgrammeFactory(host_country=draft_country, partner_countries=[kz])
        ProgrammeFactory(host_country=uz, partner_countries=[kz, draft_country])
        for state in hidden:
            ProgrammeFactory(host_country=kz, partner_countries=[uz], **state)
        FestivalFactory(host_country=kz)
        FestivalFactory(host_country=kz, participating_countries=[kz])
        FestivalFactory(host_country=uz, participating_countries=[kz, uz])
        for state in hidden:
            FestivalFactory(host_country=uz, participating_countries=[kz], **state)
        UniversityFactory(country=kz)
        for state in hidden:
            UniversityFactory(country=uz, **state)
        HeritageSiteFactory(countries=[kz, uz])
        HeritageSiteFactory(countries=[kz, draft_country])
        for state in hidden:
            HeritageSiteFactory(countries=[uz], **state)
        shares = count_country_shares()
        counts = {
            country.slug: tuple(shares.of(country).values())
            for country in Country.objects.published()
        }
        assert counts == {"kz": (5, 3, 1, 2), "uz": (3, 1, 0, 1)}

    @pytest.mark.parametrize("rows", [3, 30])
    def test_one_query_whatever_the_rows(self, client, django_assert_num_queries, rows):
        for _ in range(rows):
            country = CountryFactory()
            ProgrammeFactory(host_country=country, partner_countries=[CountryFactory()])
            HeritageSiteFactory(countries=[country])
        # the countries; the first request of a content generation also reads when it ends
        # and counts each kind in grouped passes (two for the hosted kinds: hosts, guests)
        with django_assert_num_queries(8):
            client.get(reverse("countries:country_list"))
        with django_assert_num_queries(1):
            client.get(reverse("countries:country_list"))
