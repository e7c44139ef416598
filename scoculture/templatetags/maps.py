"""`{% map_box %}`: a box that map.js turns into a Leaflet map when it scrolls into view.

Without JavaScript the box is not shown at all (CSS `scripting` media query), so it takes no
room; with it, its size is reserved before the map loads, so nothing below it moves.
"""

import json

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


def map_labels():
    """What the script writes on the map, in the page's language."""
    return {
        "zoomIn": _("Zoom in"),
        "zoomOut": _("Zoom out"),
        "close": _("Close"),
        "outlines": _("Country outlines: Natural Earth"),
        "group": _("Places in this group: %(count)s. Press Enter to zoom in."),
        "kinds": {
            "heritage": _("Heritage site"),
            "festivals": _("Festival or event"),
            "universities": _("University"),
            "route": _("Stop"),
        },
        "failed": _("The map could not be loaded; the places are listed below."),
    }


@register.inclusion_tag("includes/_map.html")
def map_box(label, points_url="", point=None, kind="", title="", size="small", route=""):
    """A map of the GeoJSON at `points_url`, of one `point` (a Located record), or of a
    route's stops in order (`route`: the id of their `json_script`)."""
    return {
        "label": label,
        "points_url": points_url,
        "point": point,
        "kind": kind,
        "title": title,
        "size": size,
        "route": route,
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "labels": json.dumps(map_labels(), ensure_ascii=False),
    }


@register.inclusion_tag("includes/_list_map.html", takes_context=True)
def list_map(context, show):
    """A list page's map of its filtered rows (`show`: the map's name of the kind), with a
    link to the full map with the same filters."""
    data = context["request"].GET.copy()
    data.pop("page", None)
    data["show"] = show
    query = data.urlencode()
    return {
        "points_url": f"{reverse('map_points')}?{query}",
        "map_url": f"{reverse('map')}?{query}",
    }
