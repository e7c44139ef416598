"""An editor adds a photo in a real browser; a visitor's browser picks the WebP rendition.

Headless Chromium (Debian's /usr/bin/chromium) against a live server, like
scoculture/tests/test_browser.py.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from photos.models import Photo
from photos.tests.factories import jpeg_with_gps
from scoculture.permissions import EDITORS
from universities.tests.factories import UniversityFactory

from .conftest import stored_files

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no chromium at /usr/bin/chromium"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_editor_uploads_a_photo_and_visitors_get_webp(
    live_server, page, django_user_model, media_root, tmp_path
):
    editor = django_user_model.objects.create_user("ed", password="pw-for-browser", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    site = HeritageSiteFactory(name="Historic Centre of Bukhara")
    upload = tmp_path / "IMG_2041.jpg"
    upload.write_bytes(jpeg_with_gps(size=(1600, 1000)))

    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "ed")
    page.fill("#id_password", "pw-for-browser")
    page.click("input[type=submit]")
    page.goto(live_server.url + reverse("admin:heritage_heritagesite_change", args=[site.pk]))
    row = "#id_photos-photo-content_type-object_id-0-"
    page.set_input_files(row + "original", str(upload))
    page.fill(row + "alt_text_en", "Kalyan minaret against a clear sky")
    page.fill(row + "credit", "A. Photographer")
    page.check(row + "is_lead")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    photo = Photo.objects.get()
    assert photo.is_lead and len(stored_files(media_root)) == 7
    assert page.locator(f'img[src$="{photo.renditions["card"]["webp"]}"]').count() >= 1

    page.goto(live_server.url + reverse("heritage:site_list"))
    card = page.locator(".card img").first
    assert card.get_attribute("alt") == "Kalyan minaret against a clear sky"
    assert card.get_attribute("loading") == "lazy"
    current = card.evaluate("img => img.currentSrc")
    assert current.endswith("-card.webp"), current


# Each kind with coordinates, made in a country given and named Itchan Kala.
MAPPED = {
    "heritage": lambda country: HeritageSiteFactory(name="Itchan Kala", countries=[country]),
    "festival": lambda country: FestivalFactory(title="Itchan Kala", host_country=country),
    "university": lambda country: UniversityFactory(name="Itchan Kala", country=country),
}


@pytest.mark.parametrize("kind", MAPPED)
def test_editor_sets_coordinates_and_visitors_see_the_map(
    live_server, page, django_user_model, media_root, kind
):
    from django.utils import translation

    from scoculture.tests.factories import CountryFactory

    editor = django_user_model.objects.create_user("ed", password="pw-for-browser", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    uzbekistan = CountryFactory(name="Uzbekistan", name_ru="Узбекистан", code="UZ")
    site = MAPPED[kind](uzbekistan)
    change_url = reverse(
        f"admin:{site._meta.app_label}_{site._meta.model_name}_change", args=[site.pk]
    )

    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "ed")
    page.fill("#id_password", "pw-for-browser")
    page.click("input[type=submit]")
    page.goto(live_server.url + change_url)
    page.fill("#id_latitude", "41.378")
    page.fill("#id_longitude", "60.363")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    alts = {
        "en": "Map: location of Itchan Kala in Uzbekistan",
        "ru": "Карта: местоположение «Itchan Kala» (Узбекистан)",
    }
    for language, alt in alts.items():
        with translation.override(language):
            url = live_server.url + site.get_absolute_url()
        for width in (375, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url)
            image = page.locator(f'img[alt="{alt}"]')
            image.wait_for()
            page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
            )
            assert image.evaluate("img => img.naturalWidth") == 1280
            assert image.evaluate("img => img.currentSrc").endswith("-map-detail.webp")
            page.screenshot(path=f"/tmp/shots/locator-map-{kind}-{language}-{width}.png")
