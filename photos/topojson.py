"""Country outlines from the vendored Natural Earth TopoJSON, decoded in plain Python.

`static/vendor/world-atlas/countries-110m.json` (npm's world-atlas 2.0.2: Natural Earth's
1:110m admin-0 countries, public domain) is TopoJSON: borders are stored once, as shared
"arcs", and each country lists the arcs that make its rings. Decoding is short enough to keep
here rather than add a dependency (see the README, "Images"):

- a quantised file has a `transform`; each arc's first point is an integer position and every
  later one a delta from the point before, so positions are running sums, then scaled and
  translated into longitude and latitude;
- a ring is a list of arc indexes; a negative index `~i` means arc `i` walked backwards; arcs
  meet end to start, so each arc after the first drops its first point (the previous arc's
  last);
- a Polygon is a list of rings (the outer one, then holes); a MultiPolygon a list of Polygons.

Features are keyed by ISO 3166-1 numeric code (the file's `id`, "156" for China).
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

ATLAS_PATH = Path("vendor") / "world-atlas" / "countries-110m.json"

# ISO 3166-1 alpha-2 -> numeric, for the countries of the SCO family (members, observers,
# dialogue partners) and their neighbours, which is what the site's items lie in. A code not
# here is not highlighted; the map then highlights the country the point lies in.
ISO_NUMERIC = {
    "AE": "784", "AF": "004", "AM": "051", "AZ": "031", "BD": "050", "BH": "048",
    "BT": "064", "BY": "112", "CN": "156", "EG": "818", "GE": "268", "IN": "356",
    "IQ": "368", "IR": "364", "JO": "400", "KG": "417", "KH": "116", "KP": "408",
    "KR": "410", "KW": "414", "KZ": "398", "LA": "418", "LK": "144", "MM": "104",
    "MN": "496", "MV": "462", "NP": "524", "OM": "512", "PK": "586", "QA": "634",
    "RU": "643", "SA": "682", "SY": "760", "TH": "764", "TJ": "762", "TM": "795",
    "TR": "792", "UA": "804", "UZ": "860", "VN": "704", "YE": "887",
}  # fmt: skip


@dataclass(frozen=True)
class Country:
    """One country's outline: polygons of rings of (longitude, latitude) points."""

    id: str  # ISO 3166-1 numeric
    name: str
    polygons: tuple  # ((outer ring, hole, ...), ...)
    bbox: tuple  # (west, south, east, north)


def _decode_arcs(topology):
    """Every arc as a list of (longitude, latitude), undoing the delta encoding."""
    transform = topology.get("transform")
    if not transform:
        return [[tuple(point[:2]) for point in arc] for arc in topology["arcs"]]
    (scale_x, scale_y), (shift_x, shift_y) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy  # running sums: the file stores differences
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(indexes, arcs):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # shared end point once
    return _unwrapped(points)


def _unwrapped(points):
    """Chukotka's ring steps from 180 to -180 degrees; drawn as is, it would cross the whole
    map. Longitudes are made continuous instead (running past 180), and the renderer draws
    the world shifted by a turn where a view needs it."""
    result, shift = [], 0.0
    for index, (longitude, latitude) in enumerate(points):
        if index and abs(longitude + shift - result[-1][0]) > 180:
            shift += 360 if result[-1][0] > longitude + shift else -360
        result.append((longitude + shift, latitude))
    return tuple(result)


def _polygons(geometry, arcs):
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return ()
    return tuple(tuple(_ring(ring, arcs) for ring in polygon) for polygon in parts)


def decode(topology, object_name="countries"):
    """[Country] of a TopoJSON topology's geometry collection."""
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"][object_name]["geometries"]:
        polygons = _polygons(geometry, arcs)
        if not polygons:
            continue
        points = [point for polygon in polygons for point in polygon[0]]
        longitudes, latitudes = [p[0] for p in points], [p[1] for p in points]
        countries.append(
            Country(
                id=str(geometry.get("id", "")),
                name=geometry.get("properties", {}).get("name", ""),
                polygons=polygons,
                bbox=(min(longitudes), min(latitudes), max(longitudes), max(latitudes)),
            )
        )
    return countries


@lru_cache(maxsize=1)
def countries():
    """The vendored world's countries, decoded once per process (~100 KB, a few ms)."""
    with open(Path(settings.BASE_DIR) / "static" / ATLAS_PATH, encoding="utf-8") as file:
        return tuple(decode(json.load(file)))


def _inside(ring, longitude, latitude):
    """Ray casting: does a horizontal ray from the point cross the ring an odd number of
    times?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        crosses = (y1 > latitude) != (y2 > latitude)
        if crosses and longitude < x1 + (latitude - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def contains(country, longitude, latitude):
    west, south, east, north = country.bbox
    if not (west <= longitude <= east and south <= latitude <= north):
        return False
    return any(
        _inside(polygon[0], longitude, latitude)
        and not any(_inside(hole, longitude, latitude) for hole in polygon[1:])
        for polygon in country.polygons
    )


def country_at(longitude, latitude):
    """The numeric code of the country the point lies in, or "" (at sea, or on a coast the
    1:110m outlines simplify away)."""
    return next((c.id for c in countries() if contains(c, longitude, latitude)), "")
