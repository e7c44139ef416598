"""Placeholders for the demo data, and the orphaned-file sweep."""

import io
import os
import time

import pytest
from django.core.management import call_command
from django.db import transaction
from PIL import Image

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from photos.models import Photo
from photos.placeholders import PLACEHOLDER_CREDIT, country_colour, placeholder_image
from photos.tests.factories import PhotoFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

from .conftest import stored_files

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


def test_placeholder_names_the_item_in_each_language_it_has():
    english = placeholder_image("Samarkand", "UZ", size=(600, 400))
    three = placeholder_image(["Samarkand", "Самарканд", "撒马尔罕"], "UZ", size=(600, 400))
    assert three != english
    assert placeholder_image(["Samarkand", "Samarkand"], "UZ", size=(600, 400)) == english


def test_placeholder_alt_text_is_in_every_language():
    """A Russian or Chinese page reads the placeholder's alt text in its own language."""
    programme = ProgrammeFactory(
        title_en="Silk Road summer school",
        title_ru="Летняя школа «Шёлковый путь»",
        title_zh_hans="丝绸之路暑期学校",
    )
    run("generate_placeholder_photos")
    placeholder = Photo.objects.get(object_id=programme.pk, content_type__model="programme")
    assert placeholder.alt_text_en == "Placeholder image for Silk Road summer school"
    assert placeholder.alt_text_ru == "Изображение-заглушка: Летняя школа «Шёлковый путь»"
    assert placeholder.alt_text_zh_hans == "占位图片：丝绸之路暑期学校"


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
    fresh = media_root / "uploading.jpg"
    fresh.write_bytes(b"x")
    os.utime(fresh, (time.time(), time.time()))  # "now" by the app's clock, shifted or not
    assert "0 orphaned file(s)" in run("cleanup_media", "--delete")
    assert (media_root / "uploading.jpg").exists()


def age(root, minutes):
    """Make every file under root `minutes` old by the app's clock (shifted or not)."""
    then = time.time() - minutes * 60
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


def test_files_of_an_interrupted_save_go_once_older_than_the_longest_save(media_root, settings):
    assert settings.PHOTOS_ORPHAN_MIN_AGE_MINUTES == 10
    with pytest.raises(RuntimeError), transaction.atomic():
        PhotoFactory()
        raise RuntimeError("the request died before the commit")
    assert not Photo.objects.exists()
    left = stored_files(media_root)
    assert len(left) == 7  # the original and three sizes in two formats
    # A save may take minutes: files younger than the setting may be one under way.
    age(media_root, 9)
    assert "0 orphaned file(s)" in run("cleanup_media", "--delete")
    age(media_root, 11)
    assert "7 orphaned file(s) deleted" in run("cleanup_media", "--delete")
    assert stored_files(media_root) == []


def test_cleanup_media_min_age_follows_the_setting(media_root, settings):
    settings.PHOTOS_ORPHAN_MIN_AGE_MINUTES = 30
    (media_root / "stray.txt").write_text("x")
    age(media_root, 20)
    assert "0 orphaned file(s)" in run("cleanup_media")
    assert "1 orphaned file(s)" in run("cleanup_media", "--min-age", "15")


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
