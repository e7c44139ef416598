"""The locator map renderer and its TopoJSON decoder, on pixels and numbers."""

import io
import math

import pytest
from PIL import Image

from photos import locator, topojson


def decoded(webp_or_jpeg):
    return Image.open(io.BytesIO(webp_or_jpeg)).convert("RGB")


def close(colour, expected, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


# A two-country topology in TopoJSON's quantised form: the shared border is one arc.
TINY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
    "arcs": [
        [[0, 0], [0, 4]],  # shared border: (10, 20) -> (10, 21)
        [[0, 4], [-2, 0], [0, -4], [2, 0]],  # west country's other sides, delta-encoded
        [[0, 0], [2, 0], [0, 4], [-2, 0]],  # east country's other sides
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "W"}},
                {"type": "Polygon", "arcs": [[2, -1]], "id": "002", "properties": {"name": "E"}},
            ],
        }
    },
}


def test_topojson_arcs_are_delta_decoded_and_reversed_arcs_walk_backwards():
    west, east = topojson.decode(TINY)
    assert west.polygons[0][0] == ((10, 20), (10, 21), (9, 21), (9, 20), (10, 20))
    # ~0 is arc 0 backwards; the shared end point appears once.
    assert east.polygons[0][0] == ((10, 20), (11, 20), (11, 21), (10, 21), (10, 20))
    assert (west.id, west.name, west.bbox) == ("001", "W", (9, 20, 10, 21))
    assert topojson.contains(east, 10.5, 20.5) and not topojson.contains(west, 10.5, 20.5)


def test_a_ring_across_the_180th_meridian_is_made_continuous():
    ring = topojson._unwrapped([(179.0, 65.0), (-179.5, 66.0), (-179.0, 65.0), (179.5, 64.0)])
    assert ring == ((179.0, 65.0), (180.5, 66.0), (181.0, 65.0), (179.5, 64.0))


def test_the_vendored_atlas_has_the_sco_countries_under_their_iso_codes():
    names = {country.id: country.name for country in topojson.countries()}
    expected_names = {"CN": "China", "RU": "Russia", "UZ": "Uzbekistan", "IN": "India"}
    for code, expected in expected_names.items():
        assert names[topojson.ISO_NUMERIC[code]] == expected
    # Bukhara lies in Uzbekistan; the middle of the Indian Ocean in no country.
    assert topojson.country_at(64.42, 39.77) == "860"
    assert topojson.country_at(75.0, -10.0) == ""


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        (39.6547, 66.9758),  # Samarkand: inside the SCO view
        (53.2, 107.9),  # Lake Baikal
        (56.0, 160.0),  # Kamchatka: east of the region, the view moves
        (69.3, 94.5),  # Putorana plateau: north of it
        (71.2, -179.7),  # Wrangel Island: across the 180th meridian
        (7.95, 80.75),  # Sigiriya, Sri Lanka
    ],
)
def test_the_marker_is_drawn_at_the_projected_point(latitude, longitude):
    renditions = locator.render(latitude, longitude, ["UZ"], sizes={"card": (640, 427)})
    card = renditions["card"]
    view = locator.view_for(longitude, latitude, 640, 427)
    # The projection written out: equirectangular, x shortened by cos(middle latitude).
    degrees_x = 640 / view.span
    degrees_y = degrees_x / math.cos(math.radians(locator.REGION_CENTRE[1]))
    lon = longitude + 360 * round((view.west + view.span / 2 - longitude) / 360)
    x, y = round((lon - view.west) * degrees_x), round((view.north - latitude) * degrees_y)
    # Well inside the picture, away from its edges by the padding.
    assert 0.07 * 640 <= x <= 0.93 * 640 and 0.07 * 427 <= y <= 0.93 * 427
    for fmt in ("webp", "jpeg"):
        image = decoded(card[fmt])
        assert close(image.getpixel((x, y)), locator.MARKER)
        # Ten pixels out is the white ring or the map, not the marker.
        assert not close(image.getpixel((x + 14, y)), locator.MARKER)


def test_every_size_in_webp_and_jpeg_with_the_country_highlighted():
    renditions = locator.render(41.3, 69.3, ["UZ"])  # Tashkent
    assert set(renditions) == set(locator.MAP_SIZES) == {"card", "detail"}
    for name, (width, height) in locator.MAP_SIZES.items():
        data = renditions[name]
        assert (data["width"], data["height"]) == (width, height)
        assert Image.open(io.BytesIO(data["webp"])).format == "WEBP"
        assert Image.open(io.BytesIO(data["jpeg"])).format == "JPEG"
    card = decoded(renditions["card"]["webp"])
    view = locator.view_for(69.3, 41.3, 640, 427)
    # Inside Uzbekistan, away from the marker: the highlight; inside Mongolia: plain land.
    assert close(card.getpixel(tuple(map(round, view.project(63.0, 41.5)))), locator.HIGHLIGHT, 12)
    assert close(card.getpixel(tuple(map(round, view.project(103.0, 46.5)))), locator.LAND, 12)
    assert close(card.getpixel(tuple(map(round, view.project(88.0, 15.0)))), locator.SEA, 12)


def test_without_a_known_code_the_country_under_the_point_is_highlighted():
    assert locator.highlight_ids(66.97, 39.65, ["XX"]) == {"860"}
    assert locator.highlight_ids(66.97, 39.65, ["KZ", "KG"]) == {"398", "417"}
    assert locator.highlight_ids(75.0, -10.0) == set()


def test_the_caption_says_it_is_a_map():
    # The bottom-left corner holds the caption's white box, with dark writing in it.
    card = decoded(locator.render(39.65, 66.97, sizes={"card": (640, 427)})["card"]["webp"])
    box = card.crop((10, 380, 150, 420))
    colours = box.getcolors(maxcolors=100_000)
    whites = sum(count for count, colour in colours if min(colour) > 240)
    darks = sum(count for count, colour in colours if max(colour) < 90)
    assert whites > 0.5 * box.width * box.height and darks > 100
