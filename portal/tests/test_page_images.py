"""Every detail page offers a picture: JSON-LD `image` and og:image, absolute, in every
language; the lead photo's detail rendition when there is one, else the site's default."""

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
