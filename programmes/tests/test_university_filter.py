"""The programmes list's university filter at every size: a select of the published
universities while they are few (FILTER_SELECT_MAX_CHOICES), beyond that a text box with
suggestions that never reads every university. Its URL parameter stays `university=<slug>`."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from programmes.filters import ProgrammeFilter
from programmes.tests.factories import ProgrammeFactory
from scoculture import widgets
from scoculture.tests.helpers import DRAFT, card_links, scheduled
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

PROGRAMMES = reverse("programmes:programme_list")
FEED = reverse("programmes:programme_feed")
EXPORT = reverse("programmes:programme_export")
SUGGEST = reverse("api:university-list")
FEW = 3  # the threshold these tests set: above it, the text box


def many(n, **kwargs):
    return UniversityFactory.create_batch(n, **kwargs)


@pytest.fixture
def msu():
    university = UniversityFactory(
        slug="msu", name="Lomonosov Moscow State University", name_ru="МГУ имени Ломоносова"
    )
    ProgrammeFactory(slug="at-msu", title="Steppe school", host_universities=[university])
    ProgrammeFactory(slug="elsewhere", host_universities=[UniversityFactory()])
    return university


def university_error(response):
    assert response.status_code == 200
    form = response.context["filter"].form
    assert card_links(response) == []
    return form.errors["university"]


@override_settings(FILTER_SELECT_MAX_CHOICES=FEW)
def test_query_count_and_page_size_do_not_grow_with_universities(
    client, django_assert_num_queries, msu
):
    """Pinned: choices: countries, fields, languages, and at most FEW + 1 universities (one
    query); the slug (1) and whether another university has its name (1); the page: count,
    rows with their host countries (joined: 16 while they were a query), partners, languages,
    lead photos; facets: kind (1), country (hosts + partners: 2); when the content generation
    ends (a save started a new one). The same count and the same bytes with 5 universities as
    with 50."""
    client.get(PROGRAMMES)  # the lead photos' content type, cached from then on
    sizes = []
    for added in (3, 45):  # with msu and its neighbour: 5, then 50
        many(added, country=msu.country)  # more countries would lengthen their select
        with django_assert_num_queries(15):
            response = client.get(PROGRAMMES, {"university": "msu"})
        assert card_links(response) == [reverse("programmes:programme_detail", args=["at-msu"])]
        sizes.append(len(response.content))
    assert sizes[0] == sizes[1]


@override_settings(FILTER_SELECT_MAX_CHOICES=FEW)
def test_text_box_shows_the_chosen_name_and_loads_the_suggestion_script(client, msu):
    many(FEW)
    html = client.get(PROGRAMMES, {"university": "msu"}).content.decode()
    assert 'name="university" value="Lomonosov Moscow State University"' in html
    assert 'data-slug="msu"' in html
    assert f'data-suggest-url="{SUGGEST}?lang=en&amp;page_size=8"' in html
    assert 'aria-describedby="id_university-help"' in html and 'id="id_university-help"' in html
    assert '<script src="/static/js/suggest.js" defer></script>' in html
    assert "<option" not in html.split('id="id_university"')[1].split("</div>")[0]
    # Rendered in Python like the forms' other widgets (scoculture.widgets).
    assert isinstance(ProgrammeFilter().form.fields["university"].widget, widgets.PythonRendered)
    with translation.override("ru"):
        html = client.get(reverse("programmes:programme_list"), {"university": "msu"}).content
    assert 'value="МГУ имени Ломоносова"' in html.decode()
    assert "lang=ru&amp;page_size=8" in html.decode()


def test_few_universities_keep_the_select_without_the_script(client, msu):
    UniversityFactory(slug="draft-uni", name="Hidden draft", **DRAFT)
    html = client.get(PROGRAMMES, {"university": "msu"}).content.decode()
    assert '<option value="msu" selected>Lomonosov Moscow State University</option>' in html
    assert "Hidden draft" not in html and "suggest.js" not in html


@pytest.mark.parametrize("threshold", [FEW, 300])
def test_existing_links_with_a_slug_still_filter(client, msu, threshold):
    many(FEW)
    with override_settings(FILTER_SELECT_MAX_CHOICES=threshold):
        response = client.get(PROGRAMMES, {"university": "msu"})
        assert card_links(response) == [reverse("programmes:programme_detail", args=["at-msu"])]
        feed = client.get(FEED, {"university": "msu"}).content.decode()
    assert "Steppe school" in feed and feed.count("<item>") == 1


@override_settings(FILTER_SELECT_MAX_CHOICES=FEW)
def test_staff_export_reuses_the_filter(client, reporter, msu):
    many(FEW)
    client.force_login(reporter)
    response = client.get(EXPORT, {"university": "msu"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "at-msu" in body and "elsewhere" not in body


@pytest.mark.parametrize("threshold", [FEW, 300])
def test_unknown_slug_is_a_form_error_not_a_500(client, msu, threshold):
    many(FEW)
    with override_settings(FILTER_SELECT_MAX_CHOICES=threshold):
        [error] = university_error(client.get(PROGRAMMES, {"university": "nowhere"}))
    assert "nowhere" in error


@pytest.mark.parametrize("threshold", [FEW, 300])
@pytest.mark.parametrize("hidden", [DRAFT, scheduled()], ids=["draft", "scheduled"])
def test_unpublished_university_is_not_accepted_nor_shown(client, threshold, hidden):
    many(FEW)
    secret = UniversityFactory(slug="secret-uni", name="Secret university", **hidden)
    ProgrammeFactory(host_universities=[secret])
    with override_settings(FILTER_SELECT_MAX_CHOICES=threshold):
        for value in ("secret-uni", "Secret university"):
            response = client.get(PROGRAMMES, {"university": value})
            university_error(response)
            assert b'data-slug="secret-uni"' not in response.content


class TestWithoutJavaScript:
    """The text box takes an exact name, in the visitor's language or in English."""

    @pytest.fixture(autouse=True)
    def text_box(self, settings):
        settings.FILTER_SELECT_MAX_CHOICES = FEW

    def test_exact_name_filters(self, msu):
        many(FEW)
        assert [p.slug for p in ProgrammeFilter({"university": msu.name}).qs] == ["at-msu"]
        with translation.override("ru"):
            for name in ("МГУ имени Ломоносова", "Lomonosov Moscow State University"):
                assert [p.slug for p in ProgrammeFilter({"university": name}).qs] == ["at-msu"]

    def test_a_name_several_share_asks_to_pick_one(self, client):
        many(FEW)
        UniversityFactory(slug="nsu-a", name="National State University", city="Almaty")
        UniversityFactory(slug="nsu-b", name="National State University", city="Bishkek")
        response = client.get(PROGRAMMES, {"university": "National State University"})
        [error] = university_error(response)
        assert "nsu-a, nsu-b" in error

    def test_found_by_slug_a_shared_name_shows_the_slug(self, client):
        """Sent back without JavaScript, the box's text must find the same university."""
        many(FEW)
        UniversityFactory(slug="nsu-a", name="National State University")
        UniversityFactory(slug="nsu-b", name="National State University")
        html = client.get(PROGRAMMES, {"university": "nsu-a"}).content.decode()
        assert 'name="university" value="nsu-a"' in html
        assert 'data-name="National State University"' in html


def test_suggestions_come_from_the_api_by_name_only(client):
    UniversityFactory(slug="tsinghua", name="Tsinghua University", city="Beijing")
    UniversityFactory(slug="pku", name="Peking University", description="Near Tsinghua")
    UniversityFactory(slug="draft-tsinghua", name="Tsinghua draft", **DRAFT)
    data = client.get(SUGGEST, {"name": "tsing univ", "lang": "en", "page_size": 8}).json()
    assert [(row["slug"], row["name"]) for row in data["results"]] == [
        ("tsinghua", "Tsinghua University")
    ]


@override_settings(FILTER_SELECT_MAX_CHOICES=FEW)
@pytest.mark.parametrize("value", ["x\x00y", "x" * 1000, "%", "_"])
def test_hostile_text_is_a_form_error(client, msu, value):
    many(FEW)
    university_error(client.get(PROGRAMMES, {"university": value}))
