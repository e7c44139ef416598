"""`{% load photos %}`: pictures from renditions, never from an original.

{% picture photo "card" %}                   a <picture> of one photo
{% lead_picture site "card" %}               the lead photo of an item (prefetched in lists)
{% lead_picture site "detail" eager=True %}  above the fold: no lazy loading
{% map_figure site "lead" %}                  the locator map in the lead photo's place, if none
{% map_figure site "aside" %}                 ...or small beside the facts, if there is one
{% gallery site %}                           lead figure and gallery of a detail page
"""

from django import template

from photos.models import gallery_photos, lead_photo, locator_map

register = template.Library()


def _picture_context(photo, size, eager=False, css_class=""):
    rendition = photo.rendition(size) if photo else None
    return {
        "photo": photo,
        "rendition": rendition,
        "alt": photo.alt_text if photo else "",
        "eager": eager,
        "css_class": css_class,
    }


def _map_context(obj, size, eager=False, css_class=""):
    map_ = locator_map(obj)
    place = obj.map_place() if map_ is not None else None
    return {
        "photo": None,
        "rendition": map_.rendition(size) if place is not None else None,
        "alt": place.alt_text if place is not None else "",
        "eager": eager,
        "css_class": css_class,
    }


@register.inclusion_tag("includes/_picture.html")
def picture(photo, size="card", eager=False, css_class=""):
    return _picture_context(photo, size, eager, css_class)


@register.inclusion_tag("includes/_picture.html")
def lead_picture(obj, size="card", eager=False, css_class=""):
    return _picture_context(lead_photo(obj), size, eager, css_class)


@register.inclusion_tag("includes/_picture.html")
def card_picture(obj, eager=False):
    """The lead photo's card rendition, else the locator map's, read only from
    `for_listing()`'s prefetches: a card rendered from a queryset without them shows no
    picture rather than costing a query."""
    photos = getattr(obj, "lead_photos", None) or [None]
    if photos[0] is None and getattr(obj, "locator_map_list", None):
        return _map_context(obj, "card", eager)  # no photo: where it is says the most
    return _picture_context(photos[0], "card", eager)


@register.inclusion_tag("photos/_map_figure.html")
def map_figure(obj, placement="lead"):
    """The locator map of a detail page: large in the lead photo's place when the item has no
    photo (a map says more than nothing), else small beside the facts, linked to the large
    one (a photo shows what the place looks like, not where it is)."""
    has_lead = any(photo.is_lead for photo in gallery_photos(obj))
    if placement == "lead" and not has_lead:
        return _map_context(obj, "detail", eager=True, css_class="photo-lead")
    if placement == "aside" and has_lead:
        context = _map_context(obj, "card", css_class="facts__map")
        map_ = locator_map(obj)
        context["link"] = map_.detail.jpeg_url if map_ is not None and map_.detail else ""
        return context
    return {"rendition": None}


@register.inclusion_tag("photos/_figure.html")
def photo_figure(photo, size="detail", eager=False, css_class=""):
    return _picture_context(photo, size, eager, css_class)


@register.inclusion_tag("photos/_gallery.html")
def gallery(obj, part="all"):
    """The lead shown large (above the fold: not lazy) and the others as a grid of cards.

    `part="lead"` or `part="others"` splits them over the page; both share one query.
    """
    photos = gallery_photos(obj)
    lead = next((photo for photo in photos if photo.is_lead), None)
    return {
        "lead": lead if part in ("all", "lead") else None,
        "others": [photo for photo in photos if photo is not lead]
        if part in ("all", "others")
        else [],
    }
