"""A photo's metadata has versions; its image files do not (photos.versioning)."""

import pytest
from django.urls import reverse
from reversion.models import Version

from photos.models import Photo
from photos.tests.admin_form import form_data, post_photo
from photos.tests.factories import PhotoFactory, image_bytes, upload

pytestmark = pytest.mark.django_db


def test_photo_metadata_is_versioned_and_revert_keeps_the_image(admin_client):
    photo = PhotoFactory()
    original = photo.original.name
    url = reverse("admin:photos_photo_change", args=[photo.pk])
    data = form_data(admin_client.get(url).content.decode())
    data.update(alt_text_en="A courtyard", alt_text_ru="Двор")
    assert admin_client.post(url, data).status_code == 302
    data.update(alt_text_en="Wrong", alt_text_ru="Ошибка")
    assert admin_client.post(url, data).status_code == 302
    first = list(Version.objects.get_for_object(photo))[-1]
    assert "original" not in first.field_dict

    revert_url = reverse("admin:photos_photo_revision", args=[photo.pk, first.pk])
    page = admin_client.get(revert_url)
    assert admin_client.post(revert_url, form_data(page.content.decode())).status_code == 302
    photo.refresh_from_db()
    assert (photo.alt_text_en, photo.alt_text_ru) == ("A courtyard", "Двор")
    assert photo.original.name == original


def test_reverting_an_item_skips_its_photos_deleted_since(admin_client):
    photo = PhotoFactory()
    site = photo.content_object
    url = reverse("admin:heritage_heritagesite_change", args=[site.pk])
    added = post_photo(admin_client, url, upload(image_bytes()), alt_text_en="Gate", is_lead=False)
    assert added.status_code == 302
    (version,) = Version.objects.get_for_object(site)
    assert version.revision.version_set.count() == 2  # the site and the photo added
    Photo.objects.filter(alt_text_en="Gate").delete()  # its files go with it

    revert_url = reverse("admin:heritage_heritagesite_revision", args=[site.pk, version.pk])
    page = admin_client.get(revert_url)
    assert page.status_code == 200
    assert admin_client.post(revert_url, form_data(page.content.decode())).status_code == 302
    assert not Photo.objects.filter(alt_text_en="Gate").exists()
