"""<picture> markup from renditions: WebP source, JPEG fallback, size, alt, lazy loading."""

import re

import pytest
from django.template import Context, Template

from heritage.tests.factories import HeritageSiteFactory
from photos.models import Photo, lead_photo_prefetch
from photos.tests.factories import PhotoFactory, image_bytes, upload

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load photos %}" + source).render(Context(context))


def test_picture_has_webp_source_jpeg_img_size_alt_and_lazy_loading():
    photo = PhotoFactory(original=upload(image_bytes(size=(3000, 2000))), alt_text='A "gate"')
    html = render('{% picture photo "card" %}', photo=photo)
    card = photo.renditions["card"]
    assert f'<source type="image/webp" srcset="/media/{card["webp"]}">' in html
    assert f'src="/media/{card["jpeg"]}"' in html
    assert 'width="640" height="427"' in html
    assert 'alt="A &quot;gate&quot;"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html
    assert photo.original.name not in html


def test_above_the_fold_is_not_lazy():
    photo = PhotoFactory()
    html = render('{% picture photo "detail" eager=True %}', photo=photo)
    assert 'loading="lazy"' not in html and 'fetchpriority="high"' in html
    assert photo.renditions["detail"]["webp"] in html


def test_no_photo_renders_nothing():
    assert render('{% picture photo "card" %}', photo=None).strip() == ""
    site = HeritageSiteFactory()
    assert render('{% lead_picture site "card" %}', site=site).strip() == ""


def test_lead_picture_uses_the_prefetch(django_assert_num_queries):
    sites = [HeritageSiteFactory() for _ in range(3)]
    for site in sites:
        PhotoFactory(content_object=site, is_lead=False, position=0)
        PhotoFactory(content_object=site, is_lead=True, position=1)
    with django_assert_num_queries(2):
        listed = list(type(sites[0]).objects.order_by("pk").prefetch_related(lead_photo_prefetch()))
        html = render("{% for s in sites %}{% lead_picture s 'card' %}{% endfor %}", sites=listed)
    leads = Photo.objects.filter(is_lead=True)
    assert html.count("<picture") == 3
    assert all(photo.renditions["card"]["webp"] in html for photo in leads)


def test_gallery_shows_lead_large_and_others_as_cards(django_assert_num_queries):
    site = HeritageSiteFactory()
    lead = PhotoFactory(content_object=site, is_lead=True, caption="Main gate", position=2)
    other = PhotoFactory(content_object=site, is_lead=False, position=1)
    with django_assert_num_queries(1):
        html = render("{% gallery site %}", site=site)
    assert lead.renditions["detail"]["webp"] in html and "Main gate" in html
    assert "Photo: Test photographer, CC BY 4.0" in html
    assert other.renditions["card"]["webp"] in html
    assert re.search(r'<a href="[^"]*-full\.jpg">', html)
    assert lead.original.name not in html and other.original.name not in html


def test_card_picture_reads_only_the_prefetch(django_assert_num_queries):
    photo = PhotoFactory()
    site = photo.content_object
    with django_assert_num_queries(0):
        assert render("{% card_picture site %}", site=site).strip() == ""
    site.lead_photos = [photo]
    with django_assert_num_queries(0):
        html = render("{% card_picture site %}", site=site)
    assert photo.renditions["card"]["webp"] in html and 'loading="lazy"' in html


def test_gallery_split_over_the_page_costs_one_query(django_assert_num_queries):
    site = HeritageSiteFactory()
    lead = PhotoFactory(content_object=site, is_lead=True)
    other = PhotoFactory(content_object=site, is_lead=False, position=1)
    with django_assert_num_queries(1):
        top = render('{% gallery site "lead" %}', site=site)
        bottom = render('{% gallery site "others" %}', site=site)
    lead_url, other_url = lead.renditions["detail"]["webp"], other.renditions["card"]["webp"]
    assert lead_url in top and other_url not in top
    assert other_url in bottom and lead_url not in bottom
