"""Every detail page offers a picture: JSON-LD `image` and og:image, absolute, in every
language; the lead photo's detail rendition when there is one, else the locator map, else the
site's default."""

import re

import pytest
from django.utils import translation

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from photos.tests.factories import PhotoFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from scoculture.tests.structured import json_ld
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "zh-hans"]
# The factory and the JSON-LD type of each kind of detail page.
KINDS = {
    "heritage": (HeritageSiteFactory, "LandmarksOrHistoricalBuildings"),
    "festival": (FestivalFactory, "Festival"),
    "programme": (ProgrammeFactory, "EducationalOccupationalProgram"),
    "university": (UniversityFactory, "CollegeOrUniversity"),
    "country": (CountryFactory, "Country"),
}
DEFAULT_IMAGE = "http://testserver/static/img/og-default.png"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def head_meta(html, prop):
    head = html.split("</head>", 1)[0]
    return re.findall(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', head)


def get(client, obj, language):
    with translation.override(language):
        url = obj.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_without_a_photo_the_default_image(client, kind, language):
    factory, schema_type = KINDS[kind]
    response = get(client, factory(), language)
    assert json_ld(response)[schema_type]["image"] == DEFAULT_IMAGE
    html = response.content.decode()
    assert head_meta(html, "og:image") == [DEFAULT_IMAGE]
    assert head_meta(html, "og:image:width") == ["1200"]
    assert head_meta(html, "og:image:height") == ["630"]
    assert head_meta(html, "og:image:alt")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind != "country"])
def test_the_lead_photo_detail_rendition(client, kind, language):
    factory, schema_type = KINDS[kind]
    item = factory()
    PhotoFactory(content_object=item, is_lead=False, alt_text="Another view")
    lead = PhotoFactory(content_object=item, alt_text="The west gate")
    detail = lead.rendition("detail")
    expected = f"http://testserver{detail.jpeg_url}"
    response = get(client, item, language)
    assert json_ld(response)[schema_type]["image"] == expected
    html = response.content.decode()
    assert head_meta(html, "og:image") == [expected]
    assert head_meta(html, "og:image:width") == [str(detail.width)]
    assert head_meta(html, "og:image:height") == [str(detail.height)]
    assert head_meta(html, "og:image:alt") == ["The west gate"]


# The kinds with locator maps: factory, JSON-LD type, where it lies, its list page.
MAPPED = {
    "heritage": (
        HeritageSiteFactory,
        "LandmarksOrHistoricalBuildings",
        lambda country: {"name": "Samarkand", "countries": [country]},
        "heritage:site_list",
    ),
    "festival": (
        FestivalFactory,
        "Festival",
        lambda country: {"title": "Samarkand", "host_country": country},
        "festivals:festival_list",
    ),
    "university": (
        UniversityFactory,
        "CollegeOrUniversity",
        lambda country: {"name": "Samarkand", "country": country},
        "universities:university_list",
    ),
}


def item_with_map(kind, **fields):
    from photos.services import locator_map_refresh

    factory, _type, where, _list = MAPPED[kind]
    uzbekistan = CountryFactory(name="Uzbekistan", code="UZ")
    item = factory(**where(uzbekistan), latitude="39.6547", longitude="66.9758", **fields)
    return item, locator_map_refresh(obj=item)


def has_map(data):
    """JSON-LD `hasMap`: the item's own (a Place), or its location's (an Event is no Place)."""
    return data.get("hasMap") or data.get("location", {}).get("hasMap")


MAP_ALT = {
    "en": "Map: location of Samarkand in Uzbekistan",
    "ru": "Карта: местоположение «Samarkand» (Uzbekistan)",
    "zh-hans": "地图：Samarkand在Uzbekistan的位置",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", MAPPED)
def test_an_item_without_a_photo_offers_its_locator_map(client, kind, language):
    item, item_map = item_with_map(kind)
    detail = item_map.detail
    expected = f"http://testserver{detail.jpeg_url}"
    response = get(client, item, language)
    data = json_ld(response)[MAPPED[kind][1]]
    assert data["image"] == has_map(data) == expected
    html = response.content.decode()
    assert head_meta(html, "og:image") == [expected]
    assert head_meta(html, "og:image:width") == ["1280"]
    assert head_meta(html, "og:image:height") == ["853"]
    assert head_meta(html, "og:image:alt") == [MAP_ALT[language]]
    # With no photo, the map leads the page, large, with the same alt text.
    main = html.split('id="facts"', 1)[0]
    assert f'src="{item_map.detail.jpeg_url}"' in main
    assert f'alt="{MAP_ALT[language]}"' in main
    assert item_map.card.jpeg_url not in html


@pytest.mark.parametrize("kind", MAPPED)
def test_with_a_photo_the_photo_is_the_image_and_the_map_its_map(client, kind):
    item, item_map = item_with_map(kind)
    lead = PhotoFactory(content_object=item, alt_text="The Registan")
    response = get(client, item, "en")
    data = json_ld(response)[MAPPED[kind][1]]
    assert data["image"] == f"http://testserver{lead.detail.jpeg_url}"
    assert has_map(data) == f"http://testserver{item_map.detail.jpeg_url}"
    # The photo leads; the map sits small beside the facts, linked to its large size.
    main, facts = response.content.decode().split('id="facts"', 1)
    assert lead.detail.jpeg_url in main and item_map.card.jpeg_url not in main
    assert f'<a href="{item_map.detail.jpeg_url}">' in facts
    assert f'src="{item_map.card.jpeg_url}"' in facts and f'alt="{MAP_ALT["en"]}"' in facts


@pytest.mark.parametrize("kind", ["festival", "university"])
def test_a_draft_country_is_not_named_by_the_map(client, kind):
    from scoculture.models import Country, Publishable

    item, _map = item_with_map(kind)
    Country.objects.filter(code="UZ").update(status=Publishable.Status.DRAFT)
    html = get(client, item, "en").content.decode()
    assert 'alt="Map: location of Samarkand"' in html and "Uzbekistan" not in html


@pytest.mark.parametrize("kind", MAPPED)
def test_without_coordinates_no_map_and_the_default_image(client, kind):
    factory, schema_type, where, _list = MAPPED[kind]
    item = factory(**where(CountryFactory()))
    response = get(client, item, "en")
    data = json_ld(response)[schema_type]
    assert data["image"] == DEFAULT_IMAGE and has_map(data) is None
    assert "/media/maps/" not in response.content.decode()


@pytest.mark.parametrize("kind", MAPPED)
def test_every_detail_page_image_is_a_real_file(client, tmp_path, kind):
    from django.contrib.staticfiles import finders

    factory, schema_type, _where, _list = MAPPED[kind]
    with_photo = factory()
    PhotoFactory(content_object=with_photo)
    with_map, _ = item_with_map(kind)
    with_nothing = factory()
    for item in (with_photo, with_map, with_nothing):
        response = get(client, item, "en")
        image = json_ld(response)[schema_type]["image"]
        assert head_meta(response.content.decode(), "og:image") == [image]
        path = image.removeprefix("http://testserver")
        if path.startswith("/media/"):
            assert (tmp_path / path.removeprefix("/media/")).is_file(), image
        else:
            assert finders.find(path.removeprefix("/static/")), image


@pytest.mark.parametrize("kind", MAPPED)
def test_a_list_card_without_a_photo_shows_the_map(client, kind):
    from django.urls import reverse

    factory, _type, where, list_name = MAPPED[kind]
    item, item_map = item_with_map(kind)
    without_anything = factory(**where(CountryFactory()))
    html = client.get(reverse(list_name)).content.decode()
    assert f'src="{item_map.card.jpeg_url}"' in html
    assert f'alt="{MAP_ALT["en"]}"' in html
    card = html.split(f'href="{without_anything.get_absolute_url()}"')[0].rsplit("<article", 1)[1]
    assert "<img" not in card
