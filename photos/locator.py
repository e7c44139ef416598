"""Locator maps: where an item lies, drawn with Pillow from Natural Earth's country outlines.

Free of models, like `images`: `render(latitude, longitude, highlight=...)` returns the same
{size: {"width", "height", "webp", "jpeg"}} that photo renditions have, for the card and detail
sizes. Any item with coordinates can have one (`photos.models.Mapped`).

The view is the SCO region (Belarus and Egypt to the Pacific, Sri Lanka to the Arctic coast),
so a reader sees where in it the place lies; a point outside it (Kamchatka, Wrangel Island)
moves the same-sized view until the point is well inside. The projection is equirectangular
with longitudes shortened by the cosine of the view's middle latitude, which keeps the
region's shapes familiar and makes a point's pixel a one-line sum (`View.project`).
"""

import math
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw

from . import fonts, images, topojson

# name -> (width, height): the photos' card size, and the detail size at the card's 3:2.
MAP_SIZES = {"card": (640, 427), "detail": (1280, 853)}
# Flat colours and text: lossless WebP is smaller than the JPEG, crisp, and as quick as a
# lossy one at the photos' effort (about 50 KB for the detail size).
WEBP_OPTIONS = {"lossless": True, "quality": 20, "method": 1}
SUPERSAMPLE = 2  # drawn at twice the size, then reduced: smooth coasts without anti-aliasing

REGION_CENTRE = (85.0, 35.0)  # longitude, latitude
REGION_SPAN = 130.0  # degrees of longitude across the picture
PADDING = 0.08  # a point stays this share of the view away from an edge

SEA = (214, 230, 240)
LAND = (236, 232, 222)
HIGHLIGHT = (246, 205, 140)
HIGHLIGHT_EDGE = (150, 110, 60)
BORDER = (160, 154, 140)
GRATICULE = (196, 214, 226)
MARKER = (200, 30, 30)
CAPTION = "Map / Карта / 地图"
CREDIT = "Natural Earth"
# Bump when the drawing changes, so `LocatorMap.signature` asks for every map again.
STYLE_VERSION = 1


@dataclass(frozen=True)
class View:
    """A rectangle of longitude and latitude mapped onto width x height pixels."""

    west: float
    north: float
    span: float  # degrees of longitude across
    middle_latitude: float
    width: int
    height: int

    @property
    def x_scale(self):
        return self.width / self.span

    @property
    def y_scale(self):
        # A degree of latitude is longer than one of longitude by 1/cos(latitude).
        return self.x_scale / math.cos(math.radians(self.middle_latitude))

    @property
    def lat_span(self):
        return self.height / self.y_scale

    @property
    def east(self):
        return self.west + self.span

    @property
    def south(self):
        return self.north - self.lat_span

    def project(self, longitude, latitude):
        """(x, y) pixel of a point; the longitude taken within a turn of the view's middle."""
        middle = self.west + self.span / 2
        longitude += 360 * round((middle - longitude) / 360)
        return (longitude - self.west) * self.x_scale, (self.north - latitude) * self.y_scale


def view_for(longitude, latitude, width, height):
    """The SCO region's view, moved (never zoomed) just enough to hold the point with
    PADDING around it."""
    centre_lon, centre_lat = REGION_CENTRE
    y_over_x = 1 / math.cos(math.radians(centre_lat))
    lat_span = height / (width / REGION_SPAN) / y_over_x
    margin_x, margin_y = REGION_SPAN * PADDING, lat_span * PADDING
    west = centre_lon - REGION_SPAN / 2
    north = centre_lat + lat_span / 2
    longitude += 360 * round((centre_lon - longitude) / 360)
    west = min(west, longitude - margin_x)
    west = max(west, longitude + margin_x - REGION_SPAN)
    north = max(north, latitude + margin_y)
    north = min(north, latitude - margin_y + lat_span)
    north = min(85.0, max(-85.0 + lat_span, north))  # the map ends at the poles
    return View(west, north, REGION_SPAN, centre_lat, width, height)


def highlight_ids(longitude, latitude, country_codes=()):
    """Numeric ids to highlight: the item's countries (ISO alpha-2) the outlines know, else
    the country the point lies in."""
    ids = {topojson.ISO_NUMERIC[code] for code in country_codes if code in topojson.ISO_NUMERIC}
    known = {country.id for country in topojson.countries()}
    return (ids & known) or {topojson.country_at(longitude, latitude)} - {""}


def _draw_graticule(draw, view, scale):
    step = 10
    for longitude in range(-180, 181, step):
        x = (longitude - view.west) * view.x_scale * scale
        if 0 <= x <= view.width * scale:
            draw.line([(x, 0), (x, view.height * scale)], fill=GRATICULE, width=scale)
    for latitude in range(-80, 81, step):
        y = (view.north - latitude) * view.y_scale * scale
        if 0 <= y <= view.height * scale:
            draw.line([(0, y), (view.width * scale, y)], fill=GRATICULE, width=scale)


def _pixels(ring, view, shift, scale):
    """A ring's points in the supersampled picture, the world moved `shift` degrees east."""
    x_scale, y_scale = view.x_scale * scale, view.y_scale * scale
    return [
        ((lon + shift - view.west) * x_scale, (view.north - lat) * y_scale) for lon, lat in ring
    ]


def _draw_countries(draw, view, scale, fill, hole_fill, ids=None):
    """Fill every country in the view (or those of `ids`) and outline it."""
    border_width = max(1, scale)
    for country in topojson.countries():
        if ids is not None and country.id not in ids:
            continue
        west, south, east, north = country.bbox
        if north < view.south or south > view.north:
            continue
        # A view crossing the 180th meridian needs the world once more on that side.
        for shift in (-360, 0, 360):
            if east + shift < view.west or west + shift > view.east:
                continue
            for polygon in country.polygons:
                rings = [_pixels(ring, view, shift, scale) for ring in polygon]
                draw.polygon(rings[0], fill=fill, outline=BORDER, width=border_width)
                for hole in rings[1:]:  # an enclave: another country, drawn in its turn
                    draw.polygon(hole, fill=hole_fill, outline=BORDER, width=border_width)
                if ids is not None:  # highlighted: a darker, thicker edge
                    edge = rings[0]
                    draw.line([*edge, edge[0]], fill=HIGHLIGHT_EDGE, width=border_width * 2)


@lru_cache(maxsize=8)
def _base_map(view):
    """Sea, graticule and every country's land, supersampled; the same for nearly every map
    (most points sit in the unmoved SCO view), so drawn once per view and size."""
    scale = SUPERSAMPLE
    image = Image.new("RGB", (view.width * scale, view.height * scale), SEA)
    draw = ImageDraw.Draw(image)
    _draw_graticule(draw, view, scale)
    _draw_countries(draw, view, scale, fill=LAND, hole_fill=SEA)
    return image


def _draw_marker(draw, x, y, radius, scale):
    """A red dot in a white ring with a dark edge: visible on land, sea and highlight."""
    r = radius * scale
    draw.ellipse([x - r - 3 * scale, y - r - 3 * scale, x + r + 3 * scale, y + r + 3 * scale],
                 fill="white", outline=(60, 60, 60), width=scale)  # fmt: skip
    draw.ellipse([x - r, y - r, x + r, y + r], fill=MARKER)


def _draw_label(draw, text, font, corner, width, height, pad):
    """Text on a white box in a corner ("bottom-left" or "bottom-right")."""
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    box_w, box_h = right - left + 2 * pad, bottom - top + 2 * pad
    x = pad if corner == "bottom-left" else width - box_w - pad
    y = height - box_h - pad
    draw.rectangle([x, y, x + box_w, y + box_h], fill=(255, 255, 255), outline=BORDER)
    draw.text((x + pad - left, y + pad - top), text, font=font, fill=(40, 40, 40))


def draw_map(latitude, longitude, width, height, highlighted=frozenset()):
    """An RGB image of the view around the point, its marker and its "Map" caption."""
    scale = SUPERSAMPLE
    view = view_for(longitude, latitude, width, height)
    image = _base_map(view).copy()
    draw = ImageDraw.Draw(image)
    _draw_countries(draw, view, scale, fill=HIGHLIGHT, hole_fill=LAND, ids=set(highlighted))
    x, y = view.project(longitude, latitude)
    _draw_marker(draw, x * scale, y * scale, radius=max(6, width // 80), scale=scale)
    image = image.reduce(scale)  # a box filter over each 2x2: the anti-aliasing
    # Text after the reduction: drawn at its final size it stays crisp.
    draw = ImageDraw.Draw(image)
    pad = max(4, height // 60)
    _draw_label(draw, CAPTION, fonts.font(max(12, height // 20)), "bottom-left", width, height, pad)
    _draw_label(draw, CREDIT, fonts.font(max(10, height // 36)), "bottom-right", width, height, pad)
    return image


def render(latitude, longitude, country_codes=(), sizes=MAP_SIZES):
    """{size name: {"width", "height", "webp": bytes, "jpeg": bytes}}, as photo renditions."""
    latitude, longitude = float(latitude), float(longitude)
    highlighted = highlight_ids(longitude, latitude, country_codes)
    return {
        name: images.encode_rendition(
            draw_map(latitude, longitude, width, height, highlighted), WEBP_OPTIONS
        )
        for name, (width, height) in sizes.items()
    }
