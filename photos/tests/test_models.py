"""Files follow their rows: delete or replace a photo and its files go, after commit only."""

import pytest
from django.db import IntegrityError, transaction

from photos.models import Photo
from photos.tests.factories import PhotoFactory, image_bytes, upload

from .conftest import stored_files

pytestmark = pytest.mark.django_db


def test_deleting_a_photo_removes_original_and_renditions(
    media_root, django_capture_on_commit_callbacks
):
    keep = PhotoFactory()
    photo = PhotoFactory()
    assert len(stored_files(media_root)) == 14
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert stored_files(media_root) == sorted(keep.stored_names())
    assert not (media_root / photo.original.name).parent.exists()


def test_deleting_the_item_removes_its_photos_and_files(
    media_root, django_capture_on_commit_callbacks
):
    photo = PhotoFactory()
    PhotoFactory(content_object=photo.content_object, is_lead=False)
    with django_capture_on_commit_callbacks(execute=True):
        photo.content_object.delete()
    assert not Photo.objects.exists()
    assert stored_files(media_root) == []


def test_a_rolled_back_delete_keeps_the_files(media_root, django_capture_on_commit_callbacks):
    photo = PhotoFactory()
    pk, before = photo.pk, stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                photo.delete()
                raise RuntimeError("the editor's request failed later on")
        except RuntimeError:
            pass
    assert callbacks == []
    assert Photo.objects.filter(pk=pk).exists()
    assert stored_files(media_root) == before


def test_replacing_the_image_removes_the_old_files(media_root, django_capture_on_commit_callbacks):
    photo = PhotoFactory(original=upload(image_bytes(size=(800, 600)), "first.jpg"))
    old = set(photo.stored_names())
    photo.original = upload(image_bytes("PNG", size=(600, 800)), "second.png")
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    new = set(photo.stored_names())
    assert not old & new
    assert set(stored_files(media_root)) == new
    assert (photo.width, photo.height) == (600, 800)


def test_saving_text_changes_does_not_reprocess(media_root):
    photo = PhotoFactory()
    names = photo.stored_names()
    photo.caption = "New caption"
    photo.save()
    photo.refresh_from_db()
    assert sorted(photo.stored_names()) == sorted(names)
    assert stored_files(media_root) == sorted(names)


def test_at_most_one_lead_per_item():
    photo = PhotoFactory(is_lead=True)
    PhotoFactory(content_object=photo.content_object, is_lead=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        PhotoFactory(content_object=photo.content_object, is_lead=True)


def test_a_refused_row_takes_its_new_files_with_it(media_root):
    photo = PhotoFactory(is_lead=True)
    before = stored_files(media_root)
    with pytest.raises(IntegrityError), transaction.atomic():
        PhotoFactory(content_object=photo.content_object, is_lead=True)  # a second lead
    assert stored_files(media_root) == before
    assert not any(path.is_dir() and not any(path.iterdir()) for path in media_root.rglob("*"))


def test_gallery_order_is_position():
    photo = PhotoFactory(position=5, is_lead=False)
    first = PhotoFactory(content_object=photo.content_object, position=1, is_lead=False)
    assert list(photo.content_object.photos.all()) == [first, photo]
