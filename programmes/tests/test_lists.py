"""The programmes, festivals and universities list pages: filters, facets, pagination, bad input
and query counts that do not grow with the rows."""

import re

import pytest
from django.urls import reverse

from programmes.models import Programme
from programmes.tests.factories import FieldOfStudyFactory, LanguageFactory, ProgrammeFactory
from scoculture import public_cache
from scoculture.models import Publishable
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import card_links
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

PROGRAMMES = reverse("programmes:programme_list")
FESTIVALS = reverse("festivals:festival_list")
UNIVERSITIES = reverse("universities:university_list")


class TestProgrammeList:
    def test_lists_published_programmes_as_cards(self, client):
        kz = CountryFactory(name="Kazakhstan")
        programme = ProgrammeFactory(
            title="Silk Road summer school",
            host_country=kz,
            partner_countries=[CountryFactory(name="Mongolia")],
            languages=[LanguageFactory(name="Russian")],
        )
        draft = ProgrammeFactory(title="Secret draft", status=Publishable.Status.DRAFT)
        response = client.get(PROGRAMMES)
        assert response.status_code == 200
        assert card_links(response) == [programme.get_absolute_url()]
        html = response.content.decode()
        assert "Silk Road summer school" in html and "Kazakhstan" in html and "Russian" in html
        assert draft.title not in html
        assert "1 result" in html

    def test_drafts_are_absent_from_facet_counts(self, client):
        ProgrammeFactory(kind=Programme.Kind.SCHOLARSHIP)
        ProgrammeFactory(kind=Programme.Kind.YOUTH_CAMP, status=Publishable.Status.DRAFT)
        html = client.get(PROGRAMMES).content.decode()
        assert "Scholarship (1)" in html
        assert "Youth camp (0)" in html

    def test_filtering_by_country_and_kind_narrows_and_shows_counts(self, client):
        kz, cn = CountryFactory(slug="kz", name="Kazakhstan"), CountryFactory(slug="cn")
        hit = ProgrammeFactory(kind="scholarship", host_country=cn, partner_countries=[kz])
        ProgrammeFactory(kind="training", host_country=kz)
        ProgrammeFactory(kind="scholarship", host_country=cn)
        response = client.get(PROGRAMMES, {"country": "kz", "kind": "scholarship"})
        assert card_links(response) == [hit.get_absolute_url()]
        html = response.content.decode()
        # The kind facet counts within Kazakhstan; the country facet within scholarships.
        assert "Training (1)" in html and "Scholarship (1)" in html
        assert "Kazakhstan (1)" in html
        assert 'href="?country=kz&amp;kind=training"' in html  # a chip keeps the country

    def test_country_filter_never_shows_a_row_twice(self, client):
        kz, cn = CountryFactory(slug="kz"), CountryFactory(slug="cn")
        both = ProgrammeFactory(host_country=kz, partner_countries=[kz, cn, CountryFactory()])
        response = client.get(PROGRAMMES, {"country": "kz", "language": ""})
        assert card_links(response) == [both.get_absolute_url()]
        assert "1 result" in response.content.decode()

    def test_pagination_keeps_the_filters(self, client):
        for n in range(26):
            ProgrammeFactory(kind="scholarship", title=f"Scholarship {n:02}")
        ProgrammeFactory(kind="training")
        response = client.get(PROGRAMMES, {"kind": "scholarship", "sort": "title"})
        assert len(card_links(response)) == 24
        html = response.content.decode()
        assert 'href="?kind=scholarship&amp;sort=title&amp;page=2"' in html
        page_two = client.get(PROGRAMMES, {"kind": "scholarship", "sort": "title", "page": 2})
        assert len(card_links(page_two)) == 2
        assert 'href="?kind=scholarship&amp;sort=title&amp;page=1"' in page_two.content.decode()

    @pytest.mark.parametrize("page", ["999999", "abc", str(10**30), "0", "-1", "1.5", "\x00"])
    def test_a_page_past_the_end_or_not_a_number_is_404(self, client, page):
        ProgrammeFactory()
        assert client.get(PROGRAMMES, {"page": page}).status_code == 404

    @pytest.mark.parametrize(
        "params",
        [
            {"kind": "nonsense"},
            {"country": "𝕏"},
            {"country": "\u200fkz\u200e"},
            {"deadline_before": "2027-02-30"},
            {"starts_after": "99999-01-01"},
            {"q": "bad\x00byte"},
            {"level": "\u202eretsam"},
            {"open": "\U0001f600"},
        ],
    )
    def test_bad_input_shows_the_form_error_and_no_rows(self, client, params):
        ProgrammeFactory()
        response = client.get(PROGRAMMES, params)
        assert response.status_code == 200
        html = response.content.decode()
        if "open" in params:  # any non-empty checkbox value means ticked: not an error
            assert len(card_links(response)) == 1
        else:
            assert card_links(response) == []
            assert "Some filters could not be understood" in html
            assert 'class="field__error"' in html

    def test_every_input_has_a_label(self, client):
        html = client.get(PROGRAMMES).content.decode()
        ids = re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', html)
        assert ids
        for input_id in ids:
            assert f'for="{input_id}"' in html, input_id

    @pytest.mark.parametrize("rows", [3, 30])
    def test_query_count_does_not_grow_with_rows(self, client, django_assert_num_queries, rows):
        for _ in range(rows):
            ProgrammeFactory(
                partner_countries=[CountryFactory(), CountryFactory()],
                languages=[LanguageFactory(), LanguageFactory()],
                host_universities=[UniversityFactory()],
            )
        # Choices: countries, universities, fields, languages; page: count, rows (host
        # countries joined: 14 while they were a query), partners, languages, lead photos;
        # facets: kind (1), country (hosts + partners: 2); and when the content generation
        # ends (its first request), under which the choices, facets and count are kept: a
        # later request reads the rows and their prefetches.
        with django_assert_num_queries(13):
            response = client.get(PROGRAMMES, {"sort": "deadline"})
        with django_assert_num_queries(4):
            client.get(PROGRAMMES, {"sort": "deadline"})
        assert len(card_links(response)) == min(rows, 24)


def test_every_page_and_order_of_a_list_reads_what_its_first_page_counted(
    client, django_assert_num_queries
):
    """Bound to ?page=2 the form's empty fields and unticked boxes narrow nothing: the key
    of the count and facets is the unfiltered list's."""
    ProgrammeFactory.create_batch(25)
    client.get(PROGRAMMES)
    # The rows, their lead photos, partners and languages.
    with django_assert_num_queries(4):
        client.get(PROGRAMMES, {"page": 2})
    with django_assert_num_queries(4):
        client.get(PROGRAMMES, {"page": 2, "q": " ", "open": "", "sort": "title"})


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # Its own choices (the names: countries, universities, fields, languages) and rows;
        # the count and the facets are the English request's.
        ({"kind": "scholarship"}, 8),
        # Words are matched in each language's titles: counted again (count, kind, countries).
        ({"q": "programme"}, 12),
    ],
)
def test_each_language_counts_only_what_it_matches_in_its_own_words(
    client, django_assert_num_queries, params, queries
):
    ProgrammeFactory(kind="scholarship", partner_countries=[CountryFactory()])
    client.get(PROGRAMMES, params)
    with django_assert_num_queries(queries):
        client.get("/ru/programmes/", params)


class TestKeptForTheContentGeneration:
    """A list's choices are read once per content generation and language, its facets and
    count once per generation and filters: any change shows on the next request, and each
    language keeps its own names."""

    def options(self, client, name, path=PROGRAMMES, **params):
        html = client.get(path, params).content.decode()
        select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group()
        return re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select)

    def test_choices_follow_the_content_in_each_language(self, client):
        ProgrammeFactory(host_country=CountryFactory(slug="kz", name="Kazakhstan"))
        field = FieldOfStudyFactory(slug="music", name="Music", name_ru="Музыка")
        assert ("music", "Music") in self.options(client, "field")
        assert ("music", "Музыка") in self.options(client, "field", path="/ru/programmes/")
        CountryFactory(slug="mn", name="Mongolia")
        CountryFactory(slug="secret", name="Secret", status=Publishable.Status.DRAFT)
        field.name_ru = "Музыкальное искусство"
        field.save()
        slugs = [value for value, _label in self.options(client, "partner")]
        assert "mn" in slugs and "secret" not in slugs
        assert ("music", "Музыкальное искусство") in self.options(
            client, "field", path="/ru/programmes/"
        )

    def test_count_follows_the_content_and_the_filters(self, client):
        ProgrammeFactory(kind="scholarship")
        assert "1 result" in client.get(PROGRAMMES).content.decode()
        ProgrammeFactory(kind="summer_school")
        assert "2 results" in client.get(PROGRAMMES).content.decode()
        html = client.get(PROGRAMMES, {"kind": "summer_school"}).content.decode()
        assert "1 result" in html and "2 results" not in html

    def test_a_request_reads_the_generation_once(self, client, settings, monkeypatch):
        """Under the fragment cache, what a list keeps is filed under the generation the
        request read first, not read again for each choice list, facet and count."""
        settings.PUBLIC_FRAGMENT_CACHE = True
        ProgrammeFactory()
        client.get(PROGRAMMES)
        reads = []
        generation_state = public_cache.generation_state
        monkeypatch.setattr(
            public_cache, "generation_state", lambda: reads.append(1) or generation_state()
        )
        assert client.get(PROGRAMMES).status_code == 200
        assert reads == []
