"""A route as GPX 1.1 (https://www.topografix.com/GPX/1/1/): one <rte>, one <rtept> a stop.

Written with ElementTree, which escapes every text and attribute, so an editor's name with
"<" or "&" still makes a well-formed file; a GPS app or a map reads it as a route to follow.
"""

import xml.etree.ElementTree as ET

GPX_NS = "http://www.topografix.com/GPX/1/1"
CREATOR = "SCO Culture"


def _child(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, f"{{{GPX_NS}}}{tag}", attributes)
    if text:
        element.text = text
    return element


def route_gpx(route, url, stop_url) -> bytes:
    """The GPX document of `route` (from `for_detail()`); `url` is its page's absolute address,
    `stop_url(path)` makes a site page's address absolute."""
    ET.register_namespace("", GPX_NS)
    gpx = ET.Element(f"{{{GPX_NS}}}gpx", {"version": "1.1", "creator": CREATOR})
    metadata = _child(gpx, "metadata")
    _child(metadata, "name", route.title)
    if route.summary:
        _child(metadata, "desc", route.summary)
    _child(metadata, "link", href=url)
    rte = _child(gpx, "rte")
    _child(rte, "name", route.title)
    _child(rte, "link", href=url)
    for stop in route.visible_stops:
        latitude, longitude = stop.point
        point = _child(rte, "rtept", lat=f"{latitude:f}", lon=f"{longitude:f}")
        _child(point, "name", stop.place_name)
        description = ", ".join(part for part in (stop.note, stop.country.name) if part)
        _child(point, "desc", description)
        if stop.heritage_site_id:
            _child(point, "link", href=stop_url(stop.get_absolute_url()))
    return ET.tostring(gpx, encoding="utf-8", xml_declaration=True)
