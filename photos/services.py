"""Writes that span a content item and its pictures."""

import hashlib
import json

from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from . import locator
from .models import LocatorMap, delete_files, delete_files_on_commit, locator_map_upload_folder


def models_with_maps():
    """Every model that declares `locator_maps = GenericRelation(LocatorMap)`."""
    return [
        model
        for model in apps.get_models()
        if any(
            isinstance(field, GenericRelation) and field.related_model is LocatorMap
            for field in model._meta.private_fields
        )
    ]


def map_signature(place) -> str:
    """What the map's files depend on: the point, the highlighted countries, the sizes and
    the drawing's version (not the title, which the picture does not show)."""
    key = {
        "latitude": f"{float(place.latitude):.6f}",
        "longitude": f"{float(place.longitude):.6f}",
        "countries": sorted(place.country_codes),
        "sizes": locator.MAP_SIZES,
        "style": locator.STYLE_VERSION,
    }
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()


def locator_map_refresh(*, obj) -> LocatorMap | None:
    """Make, redraw or remove the item's locator map so it matches `obj.map_place(public=False)`.

    Idempotent: a map already drawn for the same place is left alone (no drawing, one query).
    New files are written before the row names them; the old ones go once the transaction
    commits, so a rolled-back save keeps a map whose files exist.
    """
    place = obj.map_place(public=False)
    content_type = ContentType.objects.get_for_model(obj)
    existing = LocatorMap.objects.filter(content_type=content_type, object_id=obj.pk).first()
    if place is None:
        if existing is not None:
            existing.delete()  # its files go on commit (photos.signals)
        return None
    signature = map_signature(place)
    if existing is not None and existing.signature == signature:
        return existing
    folder = locator_map_upload_folder()
    stem = (obj.slug if getattr(obj, "slug", "") else f"{content_type.model}-{obj.pk}")[:60]
    renditions, written = {}, []
    try:
        for size, data in locator.render(
            place.latitude, place.longitude, place.country_codes
        ).items():
            renditions[size] = {"width": data["width"], "height": data["height"]}
            for fmt, extension in (("webp", "webp"), ("jpeg", "jpg")):
                name = default_storage.save(
                    f"{folder}/{stem}-map-{size}.{extension}", ContentFile(data[fmt])
                )
                written.append(name)
                renditions[size][fmt] = name
        old = existing.stored_names() if existing is not None else []
        map_ = existing or LocatorMap(content_type=content_type, object_id=obj.pk)
        map_.signature, map_.renditions = signature, renditions
        map_.save()
    except Exception:
        delete_files(default_storage, written)
        raise
    delete_files_on_commit(default_storage, old)
    return map_
