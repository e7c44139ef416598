"""Uploads through the real admin change form: good files are stored clean, bad ones leave
nothing behind, and the changelists show thumbnails at a constant query count."""

import io
import os

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from photos.models import Photo
from photos.tests.factories import PhotoFactory, image_bytes, jpeg_with_gps, png_declaring, upload
from programmes.tests.factories import ProgrammeFactory
from universities.tests.factories import UniversityFactory

from .admin_form import PREFIX, form_data, inline_errors, post_photo
from .conftest import stored_files

pytestmark = pytest.mark.django_db

ADMINS = {
    "heritage_heritagesite": HeritageSiteFactory,
    "universities_university": UniversityFactory,
    "programmes_programme": ProgrammeFactory,
    "festivals_festival": FestivalFactory,
}


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def noisy_png(size):
    return Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))


def truncated_jpeg():
    image = Image.effect_noise((800, 600), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    return data[: len(data) // 2]


REJECTED = {
    "svg": (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
        b'<rect width="10" height="10"/></svg>',
        "photo.svg",
        "Upload a JPEG, PNG or WebP image",
    ),
    "html": (
        b"<!doctype html><html><script>alert(document.cookie)</script></html>",
        "photo.html",
        "Upload a JPEG, PNG or WebP image",
    ),
    "text_renamed_jpg": (b"just some notes\n" * 20, "photo.jpg", "Upload a JPEG, PNG or WebP"),
    "gif": (image_bytes("GIF", size=(50, 50)), "photo.gif", "Upload a JPEG, PNG or WebP"),
    "bmp_renamed_png": (image_bytes("BMP", size=(50, 50)), "x.png", "Upload a JPEG, PNG or WebP"),
    "empty": (b"", "photo.jpg", "The submitted file is empty"),
    "truncated_jpeg": (truncated_jpeg(), "photo.jpg", "damaged or incomplete"),
    "png_bad_crc": (
        image_bytes("PNG", size=(50, 50))[:-8] + b"\x00" * 8,
        "photo.png",
        "damaged or incomplete",
    ),
    "decompression_bomb": (png_declaring(30_000, 30_000), "bomb.png", "more pixels than"),
    "over_40_megapixels": (png_declaring(8_000, 6_000), "big.png", "48.0 megapixels"),
}


@pytest.mark.parametrize("case", REJECTED)
def test_rejected_uploads_give_a_form_error_and_leave_no_file(editor_client, media_root, case):
    content, name, message = REJECTED[case]
    site = HeritageSiteFactory()
    response = post_photo(editor_client, change_url(site), upload(content, name))
    assert response.status_code == 200
    assert any(message in error for error in inline_errors(response)), inline_errors(response)
    assert not Photo.objects.exists()
    assert stored_files(media_root) == []


def test_files_over_the_size_limit_are_refused(editor_client, media_root):
    site = HeritageSiteFactory()
    eleven_mb = image_bytes("PNG", size=(10, 10)) + b"\x00" * (11 * 1024 * 1024)
    response = post_photo(editor_client, change_url(site), upload(eleven_mb, "big.png"))
    assert any("the limit is 10 MB" in error for error in inline_errors(response))
    assert not Photo.objects.exists()
    assert stored_files(media_root) == []


def test_limits_are_settings(editor_client, media_root, settings):
    settings.PHOTOS_MAX_UPLOAD_BYTES = 2_000
    settings.PHOTOS_MAX_PIXELS = 1_000_000
    site = HeritageSiteFactory()
    buffer = io.BytesIO()
    noisy_png((60, 60)).save(buffer, "PNG")
    response = post_photo(editor_client, change_url(site), upload(buffer.getvalue(), "n.png"))
    assert any("the limit is 0 MB" in error for error in inline_errors(response))
    settings.PHOTOS_MAX_UPLOAD_BYTES = 10_000_000
    response = post_photo(
        editor_client, change_url(site), upload(image_bytes(size=(1200, 1000)), "p.jpg")
    )
    assert any("1.2 megapixels" in error for error in inline_errors(response))
    assert stored_files(media_root) == []


def test_alt_text_is_required(editor_client, media_root):
    site = HeritageSiteFactory()
    response = post_photo(editor_client, change_url(site), upload(image_bytes()), alt_text_en="")
    assert response.status_code == 200
    assert "This field is required." in inline_errors(response)
    assert stored_files(media_root) == []


def test_good_upload_is_stored_clean_with_renditions(editor_client, media_root):
    site = HeritageSiteFactory()
    response = post_photo(
        editor_client,
        change_url(site),
        upload(jpeg_with_gps(), "IMG_0001.JPG"),
        caption_en="Morning light",
        credit="A. Photographer",
        licence="CC BY 4.0",
    )
    assert response.status_code == 302, inline_errors(response)
    photo = Photo.objects.get()
    assert photo.content_object == site and photo.is_lead
    assert (photo.alt_text, photo.credit) == ("A courtyard in the morning", "A. Photographer")
    assert len(stored_files(media_root)) == 7
    for name in stored_files(media_root):
        assert b"SpyCam" not in (media_root / name).read_bytes()


def test_two_leads_are_a_form_error_not_a_500(editor_client, media_root):
    site = HeritageSiteFactory()
    PhotoFactory(content_object=site, is_lead=True)
    files_before = stored_files(media_root)
    response = post_photo(editor_client, change_url(site), upload(image_bytes()), is_lead=True)
    assert response.status_code == 200
    assert "Mark only one photo as the lead image." in inline_errors(response)
    assert stored_files(media_root) == files_before


def test_moving_the_lead_to_a_new_photo(editor_client):
    site = HeritageSiteFactory()
    old = PhotoFactory(content_object=site, is_lead=True)
    page = editor_client.get(change_url(site))
    data = form_data(page.content.decode())
    data.pop(f"{PREFIX}-0-is_lead")  # untick the old lead
    data[f"{PREFIX}-1-original"] = upload(image_bytes())
    data[f"{PREFIX}-1-alt_text_en"] = "New lead"
    data[f"{PREFIX}-1-position"] = "1"
    data[f"{PREFIX}-1-is_lead"] = "on"
    data[f"{PREFIX}-TOTAL_FORMS"] = "2"
    response = editor_client.post(change_url(site), data)
    assert response.status_code == 302, inline_errors(response)
    old.refresh_from_db()
    assert not old.is_lead
    assert Photo.objects.get(is_lead=True).alt_text == "New lead"


def test_deleting_from_the_gallery_removes_files(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    site = HeritageSiteFactory()
    PhotoFactory(content_object=site)
    assert len(stored_files(media_root)) == 7
    data = form_data(editor_client.get(change_url(site)).content.decode())
    data[f"{PREFIX}-0-DELETE"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(site), data)
    assert response.status_code == 302, inline_errors(response)
    assert not Photo.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("url_name", ADMINS)
def test_every_content_admin_has_gallery_thumbnail_and_lead_preview(editor_client, url_name):
    obj = ADMINS[url_name]()
    photo = PhotoFactory(content_object=obj)
    changelist = editor_client.get(reverse(f"admin:{url_name}_changelist"))
    assert photo.card.webp_url in changelist.content.decode()
    assert photo.original.url not in changelist.content.decode()
    change = editor_client.get(change_url(obj)).content.decode()
    assert f'name="{PREFIX}-TOTAL_FORMS"' in change
    assert "Lead image" in change and photo.card.webp_url in change


@pytest.mark.parametrize("url_name", ADMINS)
def test_changelist_query_count_does_not_grow_with_photos(
    editor_client, django_assert_num_queries, url_name
):
    make = ADMINS[url_name]
    url = reverse(f"admin:{url_name}_changelist")
    PhotoFactory(content_object=make())
    editor_client.get(url)  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as one:
        editor_client.get(url)
    for _ in range(4):
        PhotoFactory(content_object=make())
    make()  # and one without a photo
    with django_assert_num_queries(len(one.captured_queries)):
        response = editor_client.get(url)
    assert response.content.decode().count("<img ") >= 5


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    prefix=st.sampled_from(
        [b"", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"RIFF\x00\x00\x00\x00WEBPVP8 "]
    ),
    body=st.binary(max_size=2048),
    name=st.sampled_from(["a.jpg", "a.png", "a.webp", "noext", "a.svg"]),
)
def test_random_bytes_are_always_a_form_error(editor_client, media_root, prefix, body, name):
    site = HeritageSiteFactory()
    response = post_photo(editor_client, change_url(site), upload(prefix + body, name))
    assert response.status_code == 200
    assert inline_errors(response)
    assert not Photo.objects.exists()
    assert stored_files(media_root) == []


def test_photo_content_type_is_the_item(editor_client):
    site = HeritageSiteFactory()
    post_photo(editor_client, change_url(site), upload(image_bytes()))
    photo = Photo.objects.get()
    assert photo.content_type == ContentType.objects.get_for_model(site)
    assert photo.object_id == site.pk


def test_an_upload_is_converted_once(editor_client, monkeypatch):
    from photos import images

    calls = []
    real = images.process
    monkeypatch.setattr(images, "process", lambda file: calls.append(1) or real(file))
    site = HeritageSiteFactory()
    response = post_photo(editor_client, change_url(site), upload(image_bytes()))
    assert response.status_code == 302
    assert len(calls) == 1


def test_photo_list_and_a_second_lead_is_a_form_error(editor_client):
    lead = PhotoFactory(is_lead=True)
    other = PhotoFactory(content_object=lead.content_object, is_lead=False, position=1)
    changelist = editor_client.get(reverse("admin:photos_photo_changelist"))
    assert changelist.status_code == 200 and lead.card.webp_url in changelist.content.decode()
    url = reverse("admin:photos_photo_change", args=[other.pk])
    data = form_data(editor_client.get(url).content.decode())
    data["is_lead"] = "on"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "already has a lead image" in response.content.decode()
    other.refresh_from_db()
    assert not other.is_lead


def test_photo_list_query_count_does_not_grow(editor_client, django_assert_max_num_queries):
    url = reverse("admin:photos_photo_changelist")
    PhotoFactory()
    editor_client.get(url)
    with CaptureQueriesContext(connection) as one:
        editor_client.get(url)
    for _ in range(3):
        PhotoFactory()
        PhotoFactory(content_object=FestivalFactory())
    with django_assert_max_num_queries(len(one.captured_queries) + 1):  # + festivals' query
        response = editor_client.get(url)
    assert "Festival" in response.content.decode()
