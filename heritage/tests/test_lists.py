"""The heritage list page: filters, facets, transboundary sites once, bad input, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from heritage.tests.factories import HeritageSiteFactory
from scoculture.models import Publishable
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import card_links

pytestmark = pytest.mark.django_db

SITES = reverse("heritage:site_list")


def test_cards_filters_and_facets(client):
    kz, cn = CountryFactory(slug="kz", name="Kazakhstan"), CountryFactory(slug="cn", name="China")
    corridor = HeritageSiteFactory(name="Silk Roads corridor", countries=[cn, kz])
    HeritageSiteFactory(name="Lake", category="natural", criteria="(vii)", countries=[cn])
    draft = HeritageSiteFactory(name="Unpublished fort", status=Publishable.Status.DRAFT)
    response = client.get(SITES, {"country": "kz"})
    assert card_links(response) == [corridor.get_absolute_url()]
    html = response.content.decode()
    assert "China, Kazakhstan" in html and "Transboundary" in html and "World Heritage" in html
    assert draft.name not in html
    assert "Cultural (1)" in html and "Natural (0)" in html
    assert "China (2)" in client.get(SITES).content.decode()


def test_transboundary_site_shows_once_across_countries(client):
    countries = [CountryFactory() for _ in range(3)]
    site = HeritageSiteFactory(countries=countries)
    response = client.get(SITES, {"transboundary": "on", "category": "cultural"})
    assert card_links(response) == [site.get_absolute_url()]
    assert card_links(client.get(SITES)) == [site.get_absolute_url()]


def test_criterion_and_years(client):
    old = HeritageSiteFactory(criteria="(iii)(iv)", year_inscribed=1990)
    HeritageSiteFactory(criteria="(ii)", year_inscribed=2014)
    response = client.get(SITES, {"criterion": "iii", "inscribed_to": "2000"})
    assert card_links(response) == [old.get_absolute_url()]


@pytest.mark.parametrize(
    "params",
    [
        {"category": "volcanic"},
        {"criterion": "(iii)"},
        {"inscribed_from": str(10**30)},
        {"inscribed_to": "1e3"},
        {"country": "\u202ekz"},
        {"q": "\x00"},
    ],
)
def test_bad_input_is_a_form_error(client, params):
    HeritageSiteFactory()
    response = client.get(SITES, params)
    assert response.status_code == 200
    assert card_links(response) == []
    assert "Some filters could not be understood" in response.content.decode()


@pytest.mark.parametrize("page", ["2", "abc", str(10**30)])
def test_missing_page_is_404(client, page):
    HeritageSiteFactory()
    assert client.get(SITES, {"page": page}).status_code == 404


@pytest.mark.parametrize("rows", [3, 30])
def test_query_count_does_not_grow_with_rows(client, django_assert_num_queries, rows):
    for _ in range(rows):
        HeritageSiteFactory(countries=[CountryFactory(), CountryFactory()])
    # Choices: countries; page: count, rows, countries, lead photos, locator maps; facets:
    # category, country; when the content generation ends (its first request).
    with django_assert_num_queries(9):
        response = client.get(SITES, {"unesco_status": "inscribed"})
    assert len(card_links(response)) == min(rows, 24)


def test_the_badge_reads_the_stored_count_without_grouping_rows(client):
    """The transboundary badge reads the count each site keeps: no GROUP BY of every site
    before the sort keeps a page (300 ms at 100,000 sites)."""
    draft = CountryFactory(status=Publishable.Status.DRAFT)
    HeritageSiteFactory(name="Across", countries=[CountryFactory(), draft])
    HeritageSiteFactory(name="Within", countries=[CountryFactory()])
    with CaptureQueriesContext(connection) as queries:
        html = client.get(SITES).content.decode()
    assert html.count("Transboundary") == 2  # the filter's label, and one badge
    rows = [q["sql"] for q in queries if q["sql"].startswith('SELECT "heritage_heritagesite"."id"')]
    grouped = 'GROUP BY "heritage_heritagesite"."id"'
    assert rows and not any(grouped in sql for sql in rows), rows
