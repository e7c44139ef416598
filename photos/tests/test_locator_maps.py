"""Locator maps follow their item's coordinates: made when an editor saves them and by
`generate_locator_maps`, redrawn when they change, removed with them, files and all."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from heritage.tests.factories import HeritageSiteFactory
from photos import locator, services
from photos.models import LocatorMap, Photo, locator_map
from photos.placeholders import add_placeholder
from photos.tests.factories import PhotoFactory
from scoculture.tests.factories import CountryFactory

from .admin_form import form_data
from .conftest import stored_files

pytestmark = pytest.mark.django_db

SAMARKAND = ("39.654700", "66.975800")
BUKHARA = ("39.774700", "64.428600")


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def save_in_admin(client, site, **fields):
    """Open the site's change form, change `fields`, save, as an editor's browser would."""
    url = reverse("admin:heritage_heritagesite_change", args=[site.pk])
    data = form_data(client.get(url).content.decode())
    data.update(fields)
    data["_continue"] = "Save"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    site.refresh_from_db()
    return locator_map(site)


@pytest.fixture
def uzbekistan():
    return CountryFactory(name="Uzbekistan", code="UZ")


@pytest.fixture
def draws(monkeypatch):
    """Counts the maps drawn."""
    calls = []
    real = locator.render

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(locator, "render", counting)
    return calls


def assert_files(media_root, site_map):
    """Each size in WebP and JPEG, stored and decodable at the size the row says."""
    assert set(site_map.renditions) == {"card", "detail"}
    for name, data in site_map.renditions.items():
        for fmt, pillow_format in (("webp", "WEBP"), ("jpeg", "JPEG")):
            with Image.open(media_root / data[fmt]) as image:
                assert image.format == pillow_format
                assert image.size == (data["width"], data["height"]) == locator.MAP_SIZES[name]


def test_saving_coordinates_in_the_admin_makes_the_map_in_each_size_and_format(
    admin_client, media_root, uzbekistan
):
    site = HeritageSiteFactory(name="Samarkand – Crossroad of Cultures", countries=[uzbekistan])
    assert locator_map(site) is None
    latitude, longitude = SAMARKAND
    site_map = save_in_admin(admin_client, site, latitude=latitude, longitude=longitude)
    assert site_map is not None
    assert_files(media_root, site_map)
    assert site_map.card.webp_url.startswith("/media/maps/")


def test_changing_the_coordinates_redraws_the_map_and_its_old_files_go(
    admin_client, media_root, uzbekistan, django_capture_on_commit_callbacks, draws
):
    latitude, longitude = SAMARKAND
    site = HeritageSiteFactory(countries=[uzbekistan], latitude=latitude, longitude=longitude)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.locator_map_refresh(obj=site)
    before = stored_files(media_root)
    first_card = (media_root / first.renditions["card"]["webp"]).read_bytes()

    # Saved again unchanged (another field edited): nothing is drawn.
    with django_capture_on_commit_callbacks(execute=True):
        same = save_in_admin(admin_client, site, region_en="Samarkand region")
    assert len(draws) == 1
    assert same.renditions == first.renditions and stored_files(media_root) == before

    latitude, longitude = BUKHARA
    with django_capture_on_commit_callbacks(execute=True):
        moved = save_in_admin(admin_client, site, latitude=latitude, longitude=longitude)
    assert len(draws) == 2 and moved.pk == first.pk
    assert_files(media_root, moved)
    assert (media_root / moved.renditions["card"]["webp"]).read_bytes() != first_card
    assert set(stored_files(media_root)) == set(moved.stored_names())  # old files gone


def test_clearing_the_coordinates_removes_the_map_and_its_files(
    admin_client, media_root, uzbekistan, django_capture_on_commit_callbacks
):
    latitude, longitude = SAMARKAND
    site = HeritageSiteFactory(countries=[uzbekistan], latitude=latitude, longitude=longitude)
    services.locator_map_refresh(obj=site)
    with django_capture_on_commit_callbacks(execute=True):
        assert save_in_admin(admin_client, site, latitude="", longitude="") is None
    assert not LocatorMap.objects.exists()
    assert stored_files(media_root) == []


def test_deleting_the_item_deletes_its_map_and_files(
    media_root, uzbekistan, django_capture_on_commit_callbacks
):
    latitude, longitude = SAMARKAND
    site = HeritageSiteFactory(countries=[uzbekistan], latitude=latitude, longitude=longitude)
    services.locator_map_refresh(obj=site)
    with django_capture_on_commit_callbacks(execute=True):
        site.delete()
    assert not LocatorMap.objects.exists()
    assert stored_files(media_root) == []


def test_the_command_draws_every_map_once_and_replaces_placeholders(media_root, uzbekistan, draws):
    latitude, longitude = SAMARKAND
    with_place = HeritageSiteFactory(countries=[uzbekistan], latitude=latitude, longitude=longitude)
    without = HeritageSiteFactory(countries=[uzbekistan])
    add_placeholder(with_place)
    real_photo = PhotoFactory(content_object=with_place, is_lead=False)

    output = run("generate_locator_maps")
    assert "1 map(s) drawn, 1 placeholder(s) replaced by a map" in output
    assert locator_map(with_place) is not None and locator_map(without) is None
    # An editor's photo stays; the generated placeholder made way for the map.
    assert list(Photo.objects.for_object(with_place)) == [real_photo]

    assert "0 map(s) drawn" in run("generate_locator_maps")
    assert len(draws) == 1
    # Placeholders are only for items with neither a photo nor a map.
    run("generate_placeholder_photos")
    assert Photo.objects.for_object(without).leads().exists()
    assert not Photo.objects.for_object(with_place).leads().exists()


def test_map_files_are_not_orphans(media_root, uzbekistan):
    latitude, longitude = SAMARKAND
    site = HeritageSiteFactory(countries=[uzbekistan], latitude=latitude, longitude=longitude)
    services.locator_map_refresh(obj=site)
    assert "0 orphaned file(s)" in run("cleanup_media", "--min-age", "0")


def test_the_alt_text_says_it_is_a_map_of_where_in_three_languages(uzbekistan):
    from django.utils import translation

    latitude, longitude = SAMARKAND
    site = HeritageSiteFactory(
        name="Samarkand", countries=[uzbekistan], latitude=latitude, longitude=longitude
    )
    expected = {
        "en": "Map: location of Samarkand in Uzbekistan",
        "ru": "Карта: местоположение «Samarkand» (Uzbekistan)",
        "zh-hans": "地图：Samarkand在Uzbekistan的位置",
    }
    for language, text in expected.items():
        with translation.override(language):
            assert site.map_place().alt_text == text
    site.countries.clear()
    assert site.map_place().alt_text == "Map: location of Samarkand"
