"""The public cooperation explorer: pairs of countries and the programmes and festivals they
share, by year and kind, each count a link to the list of those records."""

import csv
import io
import re

import pytest
from django.urls import reverse

from festivals.filters import FestivalFilter
from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from programmes.filters import ProgrammeFilter
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, days, slugs

pytestmark = pytest.mark.django_db

URL = "/en/cooperation/"


@pytest.fixture
def world():
    kz = CountryFactory(name="Kazakhstan", slug="kazakhstan", code="KZ")
    cn = CountryFactory(name="China", slug="china", code="CN")
    ru = CountryFactory(name="Russia", slug="russia", code="RU")
    hidden = CountryFactory(name="Draftlandia", slug="draftlandia", code="QD", **DRAFT)
    this_year = days(0).year
    ProgrammeFactory(
        slug="kz-cn-scholarship",
        host_country=kz,
        partner_countries=[cn],
        kind=Programme.Kind.SCHOLARSHIP,
        start_date=days(0).replace(month=3, day=1),
    )
    ProgrammeFactory(
        slug="cn-kz-ru-school",
        host_country=cn,
        partner_countries=[kz, ru, cn],  # the host listed as a partner too: counted once
        kind=Programme.Kind.SUMMER_SCHOOL,
        start_date=days(0).replace(year=this_year - 1, month=7, day=1),
    )
    ProgrammeFactory(slug="draft", host_country=kz, partner_countries=[cn], **DRAFT)
    ProgrammeFactory(slug="with-draft-country", host_country=kz, partner_countries=[hidden])
    FestivalFactory(
        slug="kz-cn-film",
        host_country=kz,
        participating_countries=[cn],
        kind=Festival.Kind.FILM_FESTIVAL,
        start_date=days(0).replace(year=this_year - 1, month=5, day=1),
        end_date=days(0).replace(year=this_year - 1, month=5, day=3),
    )
    return {"this_year": this_year}


def matrix(response):
    """{(first, second): (programmes, festivals, total)} as the page shows it."""
    assert response.status_code == 200
    rows = response.context["explorer"].pairs
    return {(p.first.slug, p.second.slug): (p.programmes, p.festivals, p.total) for p in rows}


class TestListFilters:
    def test_partner_keeps_rows_both_countries_take_part_in(self, world):
        both = ProgrammeFilter({"country": "kazakhstan", "partner": "russia"})
        assert slugs(both) == ["cn-kz-ru-school"]
        festivals = FestivalFilter({"country": "china", "partner": "kazakhstan", "when": "all"})
        assert slugs(festivals) == ["kz-cn-film"]

    def test_year_is_the_year_a_row_starts(self, world):
        year = world["this_year"]
        assert slugs(ProgrammeFilter({"year": year - 1})) == ["cn-kz-ru-school"]
        # A year replaces the festival list's "upcoming" default, as dates do.
        assert slugs(FestivalFilter({"year": year - 1})) == ["kz-cn-film"]

    @pytest.mark.parametrize("data", [{"partner": "atlantis"}, {"year": "abc"}, {"year": "99999"}])
    def test_bad_values_are_form_errors(self, world, data):
        assert not ProgrammeFilter(data).is_valid()
        assert not FestivalFilter(data).is_valid()


class TestExplorer:
    def test_counts_published_pairs(self, client, world):
        assert matrix(client.get(URL)) == {
            ("china", "kazakhstan"): (2, 1, 3),
            ("china", "russia"): (1, 0, 1),
            ("kazakhstan", "russia"): (1, 0, 1),
        }

    def test_no_draft_is_counted_or_named(self, client, world):
        body = client.get(URL).content.decode()
        assert "Draftlandia" not in body

    def test_year_and_kind(self, client, world):
        year = world["this_year"]
        assert matrix(client.get(URL, {"year": year})) == {("china", "kazakhstan"): (1, 0, 1)}
        assert matrix(client.get(URL, {"kind": "festivals"})) == {
            ("china", "kazakhstan"): (0, 1, 1)
        }
        assert matrix(client.get(URL, {"kind": "programme-summer_school"})) == {
            ("china", "kazakhstan"): (1, 0, 1),
            ("china", "russia"): (1, 0, 1),
            ("kazakhstan", "russia"): (1, 0, 1),
        }

    def test_country_keeps_its_pairs(self, client, world):
        assert set(matrix(client.get(URL, {"country": "russia"}))) == {
            ("china", "russia"),
            ("kazakhstan", "russia"),
        }

    @pytest.mark.parametrize(
        "query",
        [{"year": "abc"}, {"year": "123456789012345678901"}, {"kind": "x"}, {"country": "mars"}],
    )
    def test_bad_input_is_a_clear_message(self, client, world, query):
        response = client.get(URL, query)
        assert response.status_code == 200
        assert response.context["explorer"] is None
        assert "could not be understood" in response.content.decode()
        assert client.get(reverse("cooperation_csv"), query).status_code == 400

    @pytest.mark.parametrize(
        "query", [{}, {"year": "this"}, {"kind": "programme-summer_school"}, {"kind": "festivals"}]
    )
    def test_each_count_links_to_exactly_its_records(self, client, world, query):
        if query.get("year") == "this":
            query = {"year": world["this_year"]}
        response = client.get(URL, query)
        links = re.findall(
            r'<a href="([^"]+)" data-count="(\d+)"', response.content.decode().replace("&amp;", "&")
        )
        assert links
        for href, count in links:
            listed = client.get(href)
            assert listed.context["page_obj"].paginator.count == int(count), href

    def test_csv(self, client, world):
        response = client.get(reverse("cooperation_csv"), {"kind": "programmes"})
        assert response["Content-Disposition"].startswith('attachment; filename="cooperation-')
        header, *rows, trailer = list(
            csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
        )
        assert header == ["Country", "Country", "Programmes", "Festivals and events", "Total"]
        assert rows[0] == ["China", "Kazakhstan", "2", "0", "2"]
        assert trailer == ["# end of export", "3"]

    @pytest.mark.parametrize("n", [1, 6])
    def test_query_count(self, client, django_assert_num_queries, n):
        kz, cn = CountryFactory(), CountryFactory()
        ProgrammeFactory.create_batch(n, host_country=kz, partner_countries=[cn])
        FestivalFactory.create_batch(n, host_country=cn, participating_countries=[kz])
        # The country choices, each kind's pairs, the countries named.
        with django_assert_num_queries(4):
            response = client.get(URL)
        assert len(response.context["explorer"].pairs) == 1

    @pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
    def test_every_language(self, client, world, language):
        response = client.get(f"/{language}/cooperation/")
        assert response.status_code == 200
        assert response["Content-Language"] == language
