"""Public pages with photos: lists show card renditions at a constant query count, detail
pages show the lead image and the gallery, and no page links an original."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from photos.tests.factories import PhotoFactory, image_bytes, upload
from programmes.tests.factories import ProgrammeFactory
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

LISTS = {
    "heritage:site_list": HeritageSiteFactory,
    "programmes:programme_list": ProgrammeFactory,
    "festivals:festival_list": FestivalFactory,
    "universities:university_list": UniversityFactory,
}
SMALL = (700, 470)  # enough for a full-size card, quick to render


def with_photo(make):
    obj = make()
    PhotoFactory(content_object=obj, original=upload(image_bytes(size=SMALL)))
    return obj


def image_urls(html):
    return re.findall(r'(?:src|srcset|href)="(/media/[^"]+)"', html)


@pytest.mark.parametrize("url_name", LISTS)
def test_list_cards_show_card_renditions_never_originals(client, url_name):
    objects = [with_photo(LISTS[url_name]) for _ in range(3)]
    LISTS[url_name]()  # one without a photo still renders
    html = client.get(reverse(url_name)).content.decode()
    urls = image_urls(html)
    assert len(urls) == 6  # WebP source and JPEG img per card
    assert all(re.search(r"-card\.(webp|jpg)$", url) for url in urls), urls
    for obj in objects:
        photo = obj.photos.get()
        assert f"/media/{photo.renditions['card']['webp']}" in urls
        assert photo.original.name not in html
    assert html.count('loading="lazy"') >= 3
    assert 'width="640" height="427"' in html


@pytest.mark.parametrize("url_name", LISTS)
def test_list_query_count_does_not_grow_with_photos(client, url_name):
    make = LISTS[url_name]
    for _ in range(2):
        with_photo(make)
    client.get(reverse(url_name))  # warm per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(url_name))
    for _ in range(6):
        with_photo(make)
    with CaptureQueriesContext(connection) as many:
        html = client.get(reverse(url_name)).content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(image_urls(html)) == 16


DETAILS = {
    "heritage": HeritageSiteFactory,
    "programme": ProgrammeFactory,
    "festival": FestivalFactory,
    "university": UniversityFactory,
}


@pytest.mark.parametrize("kind", DETAILS)
def test_detail_page_shows_lead_above_the_fold_and_the_gallery(client, kind):
    obj = DETAILS[kind]()
    lead = PhotoFactory(content_object=obj, caption="The main gate", credit="A. Photographer")
    other = PhotoFactory(content_object=obj, is_lead=False, position=1)
    html = client.get(obj.get_absolute_url()).content.decode()
    assert f"/media/{lead.renditions['detail']['webp']}" in html
    assert "The main gate" in html and "A. Photographer" in html
    assert f"/media/{other.renditions['card']['webp']}" in html
    assert f"/media/{other.renditions['full']['jpeg']}" in html
    assert lead.original.name not in html and other.original.name not in html
    lead_img = re.search(r"<img [^>]*" + re.escape(lead.renditions["detail"]["jpeg"]), html)
    assert lead_img and 'loading="lazy"' not in html[lead_img.start() : lead_img.start() + 400]


@pytest.mark.parametrize("kind", DETAILS)
def test_detail_page_without_photos_has_no_picture(client, kind):
    obj = DETAILS[kind]()
    html = client.get(obj.get_absolute_url()).content.decode()
    assert "<picture" not in html
