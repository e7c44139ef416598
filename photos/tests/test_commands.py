"""Placeholders for the demo data, and the orphaned-file sweep."""

import io

import pytest
from django.core.management import call_command
from PIL import Image

from heritage.tests.factories import HeritageSiteFactory
from photos.models import Photo
from photos.placeholders import PLACEHOLDER_CREDIT, country_colour, placeholder_image
from programmes.tests.factories import FestivalFactory, ProgrammeFactory, UniversityFactory
from scoculture.tests.factories import CountryFactory

from .conftest import stored_files
from .factories import PhotoFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_placeholder_is_a_labelled_jpeg_in_the_country_colour():
    data = placeholder_image("Samarkand – Crossroad of Cultures", "UZ", size=(600, 400))
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("JPEG", (600, 400))
    corner = image.getpixel((3, 3))
    assert all(abs(a - b) < 12 for a, b in zip(corner, country_colour("UZ"), strict=True))
    assert country_colour("UZ") != country_colour("KZ")
    assert country_colour("UZ") == country_colour("UZ")


def test_generate_placeholders_gives_each_item_one_lead_and_is_idempotent():
    uz = CountryFactory(code="UZ")
    site = HeritageSiteFactory(countries=[uz])
    festival = FestivalFactory(host_country=uz)
    ProgrammeFactory()
    UniversityFactory()
    real = PhotoFactory(content_object=HeritageSiteFactory(), credit="A real photographer")

    output = run("generate_placeholder_photos")
    assert "4 placeholder image(s) generated" in output
    assert Photo.objects.filter(is_lead=True).count() == 5
    placeholder = Photo.objects.get(object_id=site.pk, content_type__model="heritagesite")
    assert placeholder.credit == PLACEHOLDER_CREDIT
    assert placeholder.alt_text == f"Placeholder image for {site}"
    assert set(placeholder.renditions) == {"card", "detail", "full"}
    assert Photo.objects.get(content_type__model="festival").content_object == festival
    real.refresh_from_db()
    assert real.credit == "A real photographer"

    assert "Every item already has a lead image." in run("generate_placeholder_photos")
    assert Photo.objects.count() == 5


def test_cleanup_media_lists_then_deletes_only_orphans(media_root):
    photo = PhotoFactory()
    orphan = media_root / "photos" / "zz" / "left-over.jpg"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"x")
    (media_root / "stray.txt").write_text("x")

    listed = run("cleanup_media", "--min-age", "0")
    assert "orphan: photos/zz/left-over.jpg" in listed and "orphan: stray.txt" in listed
    assert "2 orphaned file(s) found" in listed
    assert orphan.exists()

    assert "2 orphaned file(s) deleted" in run("cleanup_media", "--delete", "--min-age", "0")
    assert not orphan.exists()
    assert sorted(stored_files(media_root)) == sorted(photo.stored_names())


def test_cleanup_media_spares_fresh_files(media_root):
    (media_root / "uploading.jpg").write_bytes(b"x")
    assert "0 orphaned file(s)" in run("cleanup_media", "--delete")
    assert (media_root / "uploading.jpg").exists()


def test_cleanup_media_with_no_media_folder(media_root):
    media_root.rmdir()
    assert "0 orphaned file(s)" in run("cleanup_media")


def test_rebuild_renditions_fills_a_missing_size_and_drops_old_files(
    media_root, django_capture_on_commit_callbacks
):
    photo = PhotoFactory()
    complete = PhotoFactory()
    original = photo.original.name
    renditions = dict(photo.renditions)
    forgotten = renditions.pop("detail")
    Photo.objects.filter(pk=photo.pk).update(renditions=renditions)

    with django_capture_on_commit_callbacks(execute=True):
        assert "1 photo(s) rendered again." in run("rebuild_renditions")
    photo.refresh_from_db()
    assert not photo.missing_renditions and photo.original.name == original
    assert photo.renditions["detail"]["width"] == 700
    # The old card and full files are replaced; the detail files the row had forgotten are
    # orphans for cleanup_media.
    in_use = set(photo.stored_names() + complete.stored_names())
    assert set(stored_files(media_root)) - in_use == {forgotten["webp"], forgotten["jpeg"]}
    assert in_use <= set(stored_files(media_root))
    assert "0 photo(s) rendered again." in run("rebuild_renditions")
