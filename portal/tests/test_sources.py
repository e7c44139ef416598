"""What a visitor reads about sources: citations, never file names or editors' notes; and a
badge on every example record (illustrative details), on its card and its detail page."""

import html

import pytest
from django.urls import reverse
from django.utils import translation

from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from heritage.models import HeritageSite
from heritage.tests.factories import HeritageSiteFactory
from portal.demo.loader import load_demo_data, records
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from routes.models import Route
from scoculture.models import Country
from scoculture.sources import SEED, bibliography
from universities.models import University
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [Country, HeritageSite, University, Programme, Festival, Route]
KINDS = ["countries", "heritage_sites", "universities", "programmes", "festivals", "routes"]
BADGE = 'class="badge badge--example"'
PAPER = bibliography()["seeds/000_df61f48d454260ef.txt"]


@pytest.fixture
def loaded():
    load_demo_data()


def page(client, obj, language="en"):
    with translation.override(language):
        url = obj.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def remarks(source):
    """The editors' remarks in a note: the parts that name neither a file nor an address
    ("dates and funding illustrative")."""
    return [
        part.strip()
        for part in source.split(";")
        if part.strip() and not SEED.search(part) and "://" not in part
    ]


@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_no_detail_page_shows_a_file_name_or_an_editors_note(client, loaded, language):
    objects = [obj for model in CONTENT_MODELS for obj in model.objects.published()]
    assert len(objects) >= 90
    checked = 0
    for obj in objects:
        text = page(client, obj, language)
        assert "seeds/" not in text and ".txt" not in text, obj
        assert obj.source not in text, obj
        for remark in remarks(obj.source):
            assert remark not in text, (obj, remark)
            checked += 1
        # What the note cites is there, by title.
        for citation in obj.citations():
            assert citation.title in text, (obj, citation.title)
    assert checked > 40  # the demo notes do carry remarks


def test_every_seed_the_demo_data_cites_is_in_the_bibliography():
    cited = {
        ref for kind in KINDS for record in records(kind) for ref in SEED.findall(record["source"])
    }
    assert cited and cited <= set(bibliography())


def test_a_record_citing_a_seed_shows_its_bibliography_entry(client, loaded):
    site = HeritageSite.objects.get(slug="great-wall")
    text = page(client, site)
    assert PAPER.title in text
    assert PAPER.authors in text
    assert "Dec 2024" in text
    assert "2024年12月" in page(client, site, "zh-hans")


def test_a_heritage_site_cites_unesco_by_reference(client, loaded):
    site = HeritageSite.objects.get(slug="samarkand-crossroads-of-cultures")
    text = page(client, site)
    assert '<a href="https://whc.unesco.org/en/list/603/"' in text
    assert "UNESCO World Heritage List, property 603" in text
    assert "Список всемирного наследия ЮНЕСКО, объект 603" in page(client, site, "ru")


def test_the_demo_loader_marks_the_records_with_illustrative_details(loaded):
    for kind, model in zip(KINDS, CONTENT_MODELS, strict=True):
        expected = {
            record.get("slug") or record.get("code")
            for record in records(kind)
            if "illustrative" in record["source"]
        }
        key = "code" if model is Country else "slug"
        assert set(model.objects.filter(is_example=True).values_list(key, flat=True)) == expected
    assert Programme.objects.filter(is_example=True).exists()


@pytest.mark.parametrize(
    ("language", "word"), [("en", "Example"), ("ru", "Пример"), ("zh-hans", "示例")]
)
def test_an_example_record_carries_the_badge_and_a_documented_one_does_not(
    client, loaded, language, word
):
    example = Programme.objects.get(slug="chinese-language-a-bridge-summer-camp")
    documented = Festival.objects.get(slug="sco-qingdao-summit-cultural-programme-2018")
    text = page(client, example, language)
    assert f"{BADGE}>{word}</span>" in text
    assert 'class="notice notice--example"' in text
    assert BADGE not in page(client, documented, language)


@pytest.mark.parametrize(
    ("factory", "list_url"),
    [
        (ProgrammeFactory, "programmes:programme_list"),
        (FestivalFactory, "festivals:festival_list"),
        (UniversityFactory, "universities:university_list"),
        (HeritageSiteFactory, "heritage:site_list"),
    ],
)
def test_cards_mark_the_example_and_only_it(client, factory, list_url):
    factory(is_example=True)
    factory(is_example=False)
    text = client.get(reverse(list_url)).content.decode()
    assert text.count(BADGE) == 1


def test_editors_keep_the_note_and_the_example_flag_in_the_admin(admin_client, loaded):
    programme = Programme.objects.get(slug="chinese-language-a-bridge-summer-camp")
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    text = html.unescape(admin_client.get(url).content.decode())
    assert programme.source in text
    assert 'name="is_example"' in text and "checked" in text
