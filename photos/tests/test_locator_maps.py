"""Locator maps follow their item's coordinates: made when an editor saves them and by
`generate_locator_maps`, redrawn when they change, removed with them, files and all; the
same for every kind with coordinates (heritage sites, festivals, universities)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from photos import locator, services
from photos.models import LocatorMap, Photo, locator_map
from photos.placeholders import add_placeholder
from photos.tests.factories import PhotoFactory
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

from .admin_form import form_data
from .conftest import stored_files

pytestmark = pytest.mark.django_db

SAMARKAND = ("39.654700", "66.975800")
BUKHARA = ("39.774700", "64.428600")


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# Each kind with coordinates: its factory, where it lies (in a country given), and a field of
# its admin form that the map does not depend on.
KINDS = {
    "heritage": (HeritageSiteFactory, lambda country: {"countries": [country]}, "region_en"),
    "festival": (FestivalFactory, lambda country: {"host_country": country}, "venue_en"),
    "university": (UniversityFactory, lambda country: {"country": country}, "city_en"),
}


@pytest.fixture(params=KINDS)
def kind(request):
    return request.param


@pytest.fixture
def make(kind, uzbekistan):
    """Makes an item of the kind in Uzbekistan."""
    factory, where, _field = KINDS[kind]
    return lambda **fields: factory(**where(uzbekistan), **fields)


def save_in_admin(client, site, **fields):
    """Open the item's change form, change `fields`, save, as an editor's browser would."""
    opts = site._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[site.pk])
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


def placed(make, where=SAMARKAND):
    latitude, longitude = where
    return make(latitude=latitude, longitude=longitude)


def test_saving_coordinates_in_the_admin_makes_the_map_in_each_size_and_format(
    admin_client, media_root, make
):
    item = make()
    assert locator_map(item) is None
    latitude, longitude = SAMARKAND
    item_map = save_in_admin(admin_client, item, latitude=latitude, longitude=longitude)
    assert item_map is not None
    assert_files(media_root, item_map)
    assert item_map.card.webp_url.startswith("/media/maps/")


def test_saving_without_coordinates_makes_no_map(admin_client, media_root, make):
    item = make()
    assert save_in_admin(admin_client, item, latitude="", longitude="") is None
    assert not LocatorMap.objects.exists() and stored_files(media_root) == []


def test_changing_the_coordinates_redraws_the_map_and_its_old_files_go(
    admin_client, media_root, kind, make, django_capture_on_commit_callbacks, draws
):
    item = placed(make)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.locator_map_refresh(obj=item)
    before = stored_files(media_root)
    first_card = (media_root / first.renditions["card"]["webp"]).read_bytes()

    # Saved again unchanged (another field edited): nothing is drawn.
    with django_capture_on_commit_callbacks(execute=True):
        same = save_in_admin(admin_client, item, **{KINDS[kind][2]: "Somewhere else"})
    assert len(draws) == 1
    assert same.renditions == first.renditions and stored_files(media_root) == before

    latitude, longitude = BUKHARA
    with django_capture_on_commit_callbacks(execute=True):
        moved = save_in_admin(admin_client, item, latitude=latitude, longitude=longitude)
    assert len(draws) == 2 and moved.pk == first.pk
    assert_files(media_root, moved)
    assert (media_root / moved.renditions["card"]["webp"]).read_bytes() != first_card
    assert set(stored_files(media_root)) == set(moved.stored_names())  # old files gone


def test_clearing_the_coordinates_removes_the_map_and_its_files(
    admin_client, media_root, make, django_capture_on_commit_callbacks
):
    item = placed(make)
    services.locator_map_refresh(obj=item)
    with django_capture_on_commit_callbacks(execute=True):
        assert save_in_admin(admin_client, item, latitude="", longitude="") is None
    assert not LocatorMap.objects.exists()
    assert stored_files(media_root) == []


def test_deleting_the_item_deletes_its_map_and_files(
    media_root, make, django_capture_on_commit_callbacks
):
    item = placed(make)
    services.locator_map_refresh(obj=item)
    with django_capture_on_commit_callbacks(execute=True):
        item.delete()
    assert not LocatorMap.objects.exists()
    assert stored_files(media_root) == []


def test_the_command_draws_every_map_once_and_replaces_placeholders(media_root, make, draws):
    with_place = placed(make)
    without = make()
    add_placeholder(with_place)
    real_photo = PhotoFactory(content_object=with_place, is_lead=False)

    output = run("generate_locator_maps")
    kind_name = with_place._meta.verbose_name_plural
    assert f"{kind_name}: 1 map(s) drawn, 1 placeholder(s) replaced by a map" in output
    assert locator_map(with_place) is not None and locator_map(without) is None
    # An editor's photo stays; the generated placeholder made way for the map.
    assert list(Photo.objects.for_object(with_place)) == [real_photo]

    assert f"{kind_name}: 0 map(s) drawn" in run("generate_locator_maps")
    assert len(draws) == 1
    # Placeholders are only for items with neither a photo nor a map.
    run("generate_placeholder_photos")
    assert Photo.objects.for_object(without).leads().exists()
    assert not Photo.objects.for_object(with_place).leads().exists()


def test_the_command_knows_every_kind_with_coordinates():
    from festivals.models import Festival
    from heritage.models import HeritageSite
    from universities.models import University

    assert set(services.models_with_maps()) == {HeritageSite, Festival, University}


def test_map_files_are_not_orphans(media_root, make):
    services.locator_map_refresh(obj=placed(make))
    assert "0 orphaned file(s)" in run("cleanup_media", "--min-age", "0")


def test_the_alt_text_says_it_is_a_map_of_where_in_three_languages(make):
    from django.utils import translation

    item = placed(make)
    expected = {
        "en": f"Map: location of {item} in Uzbekistan",
        "ru": f"Карта: местоположение «{item}» (Uzbekistan)",
        "zh-hans": f"地图：{item}在Uzbekistan的位置",
    }
    for language, text in expected.items():
        with translation.override(language):
            assert item.map_place().alt_text == text


def test_without_a_country_the_alt_text_names_only_the_item(uzbekistan):
    site = placed(lambda **kw: HeritageSiteFactory(name="Samarkand", countries=[uzbekistan], **kw))
    site.countries.clear()
    assert site.map_place().alt_text == "Map: location of Samarkand"


@pytest.mark.parametrize("kind", ["festival", "university"])
def test_a_draft_country_is_neither_named_nor_highlighted_on_a_page(make):
    """A page reads the published country (`published_<relation>`); a draft one is left out."""
    from scoculture.models import Publishable

    item = placed(make)
    country = item.map_countries()[0]
    country.status = Publishable.Status.DRAFT
    country.save()
    on_page = type(item).objects.for_detail().get(pk=item.pk)
    place = on_page.map_place()
    assert place.country_codes == () and place.alt_text == f"Map: location of {item}"


def test_the_drawing_highlights_a_country_not_yet_published(media_root, make, draws):
    """The map is drawn once for its place: a draft country is highlighted in the drawing (the
    page neither names it nor says so until it is published), so publishing it needs no new
    drawing, though its page reads `published_<relation>`, which is None meanwhile."""
    from scoculture.models import Publishable

    item = placed(make)
    country = item.map_countries()[0]
    country.status = Publishable.Status.DRAFT
    country.save()
    item = type(item).objects.get(pk=item.pk)
    services.locator_map_refresh(obj=item)
    [(_latitude, _longitude, codes)] = draws
    assert codes == ("UZ",)
    on_page = type(item).objects.for_detail().get(pk=item.pk)
    assert on_page.map_place().country_codes == ()
