"""Photographs attached to any content object: a lead image and an ordered gallery."""

import os
import posixpath
import uuid
from dataclasses import dataclass
from functools import cached_property

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Prefetch
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from scoculture.models import Located

from . import images


def photo_upload_to(instance, filename):
    """photos/ab/ab12.../<name>: one folder per upload, named by a fresh random token.

    A replaced image gets a new folder, so every stored name is immutable and can be cached
    for a year by browsers and CDNs.
    """
    return posixpath.join(instance._folder, filename)


def delete_files(storage, names):
    """Delete files and the folders they leave empty."""
    names = [name for name in names if name]
    for name in names:
        storage.delete(name)
    for folder in {posixpath.dirname(name) for name in names}:
        _remove_empty_folder(storage, folder)


def delete_files_on_commit(storage, names):
    """Delete files once the transaction commits: a rolled-back delete keeps its files."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: delete_files(storage, names))


def _remove_empty_folder(storage, folder):
    """The file system keeps empty folders; object storage has none to remove."""
    try:
        path = storage.path(folder)
    except NotImplementedError:
        return
    try:
        os.rmdir(path)
        os.rmdir(os.path.dirname(path))
    except OSError:
        pass  # not empty, or already gone


@dataclass(frozen=True)
class Rendition:
    """One stored size of a photo, in WebP and a JPEG fallback."""

    name: str
    width: int
    height: int
    webp_url: str
    jpeg_url: str


class RenditionsMixin:
    """`rendition(name)` and the `card` and `detail` properties of a model whose
    `renditions` JSON holds {size: {"width", "height", "webp": name, "jpeg": name}}."""

    def rendition(self, name):
        data = (self.renditions or {}).get(name)
        if not data:
            return None
        return Rendition(
            name=name,
            width=data["width"],
            height=data["height"],
            webp_url=self.storage.url(data["webp"]),
            jpeg_url=self.storage.url(data["jpeg"]),
        )

    @cached_property
    def card(self):
        return self.rendition("card")

    @cached_property
    def detail(self):
        return self.rendition("detail")


class PhotoQuerySet(models.QuerySet):
    def leads(self):
        return self.filter(is_lead=True)

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


def lead_photo_prefetch(lookup="photos"):
    """Add to a list's `for_listing()`: one query for the lead photos of a whole page.

    The photos land in `obj.lead_photos` (a list of zero or one), which `{% lead_picture %}`
    reads without touching the database again.
    """
    return Prefetch(lookup, queryset=Photo.objects.leads(), to_attr="lead_photos")


class Photo(RenditionsMixin, models.Model):
    """A photograph of a heritage site, festival, programme, university or country.

    It belongs to one content object through a generic relation (content models declare
    `photos = GenericRelation(Photo)`); `position` orders the gallery and at most one photo
    per object is the lead, shown on cards and at the top of the page. Saving a new file
    stores a cleaned original (upright, no metadata) and the renditions in `SIZES`; list and
    detail pages only ever serve those renditions.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_object = GenericForeignKey("content_type", "object_id")

    original = models.ImageField(
        _("image"),
        upload_to=photo_upload_to,
        max_length=255,
        help_text=_("A JPEG, PNG or WebP photograph."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    renditions = models.JSONField(_("renditions"), default=dict, editable=False, blank=True)

    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        help_text=_("What the photo shows, for people who cannot see it. Required."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Photographer or source.")
    )
    licence = models.CharField(
        _("licence"),
        max_length=100,
        blank=True,
        help_text=_("For example: CC BY-SA 4.0, or 'All rights reserved, used with permission'."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    is_lead = models.BooleanField(
        _("lead image"),
        default=False,
        help_text=_("Shown on cards and at the top of the page; one per item."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "position"], name="photo_object_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(is_lead=True),
                name="photo_one_lead_per_object",
            ),
        ]

    def __str__(self):
        return self.alt_text or posixpath.basename(self.original.name or "")

    def save(self, *args, **kwargs):
        """Files are written before the row, so a row never names a missing file. A row the
        database refuses takes its new files with it; a transaction rolled back later leaves
        them to `cleanup_media` (PHOTOS_ORPHAN_MIN_AGE_MINUTES)."""
        replaced, written = [], []
        if self.original and not self.original._committed:
            if self.pk:
                replaced = (Photo.objects.filter(pk=self.pk).first() or Photo()).stored_names()
            self._store_upload()
            written = self.stored_names()
        try:
            super().save(*args, **kwargs)
        except Exception:
            delete_files(self.original.storage, written)
            raise
        if replaced:
            delete_files_on_commit(self.original.storage, replaced)

    def _store_upload(self):
        """Validate, clean and render the uploaded file, then store all of it."""
        upload = self.original
        # The admin form has already converted it (PhotoFileField); other callers have not.
        processed = getattr(upload.file, "processed", None) or images.process(upload.file)
        token = uuid.uuid4().hex
        self._folder = f"photos/{token[:2]}/{token}"
        stem = slugify(posixpath.splitext(posixpath.basename(upload.name or ""))[0])[:60]
        stem = stem or "photo"
        extension = images.EXTENSIONS[processed.original_format]
        self.original.save(f"{stem}.{extension}", ContentFile(processed.original), save=False)
        self.renditions = self._save_renditions(processed.renditions, stem)
        self.width, self.height = processed.width, processed.height

    def _save_renditions(self, rendered, stem):
        storage = self.original.storage
        renditions = {}
        for name, data in rendered.items():
            renditions[name] = {"width": data["width"], "height": data["height"]}
            for fmt, extension in (("webp", "webp"), ("jpeg", "jpg")):
                renditions[name][fmt] = storage.save(
                    f"{self._folder}/{stem}-{name}.{extension}", ContentFile(data[fmt])
                )
        return renditions

    @property
    def missing_renditions(self):
        return [name for name in images.SIZE_NAMES if name not in (self.renditions or {})]

    def rebuild_renditions(self):
        """Render every size again from the stored original (after SIZES change); the old
        rendition files go once the new ones are saved and committed."""
        old = [name for name in self.stored_names() if name != self.original.name]
        with self.original.open("rb") as file:
            rendered = images.render_stored(file)
        self._folder = posixpath.dirname(self.original.name)
        stem = posixpath.splitext(posixpath.basename(self.original.name))[0]
        self.renditions = self._save_renditions(rendered, stem)
        self.save(update_fields=["renditions", "updated_at"])
        delete_files_on_commit(self.original.storage, old)

    def stored_names(self):
        """Every file this photo owns: the original and each rendition in each format."""
        names = [self.original.name] if self.original else []
        renditions = self.renditions or {}
        # In size order: PostgreSQL's jsonb keeps no key order.
        order = {name: index for index, name in enumerate(images.SIZE_NAMES)}
        for size in sorted(renditions, key=lambda name: (order.get(name, len(order)), name)):
            names += [renditions[size].get("webp"), renditions[size].get("jpeg")]
        return [name for name in names if name]

    @property
    def storage(self):
        return self.original.storage

    @cached_property
    def full(self):
        return self.rendition("full")


def gallery_photos(obj):
    """Every photo of the item, in gallery order, fetched once per page: the gallery and the
    page's og:image and JSON-LD image share the one query."""
    if not hasattr(obj, "_gallery_photos"):
        obj._gallery_photos = list(obj.photos.all())
    return obj._gallery_photos


def lead_photo(obj):
    """The lead photo of a content object, from the list prefetch when there is one."""
    if hasattr(obj, "lead_photos"):
        return obj.lead_photos[0] if obj.lead_photos else None
    return Photo.objects.for_object(obj).leads().first()


@dataclass(frozen=True)
class MapPlace:
    """What a locator map is drawn from, and its alt text; a content model's `map_place()`
    returns one (None without coordinates). `country_codes` (ISO alpha-2) are highlighted."""

    latitude: float
    longitude: float
    title: str
    country_codes: tuple = ()
    places: tuple = ()  # the countries' names, for the alt text

    @property
    def alt_text(self):
        """ "Map: location of X in Y", in the language of the moment (read at render time)."""
        if self.places:
            return gettext("Map: location of %(title)s in %(places)s") % {
                "title": self.title,
                "places": ", ".join(str(place) for place in self.places),
            }
        return gettext("Map: location of %(title)s") % {"title": self.title}


def locator_map_upload_folder():
    token = uuid.uuid4().hex
    return f"maps/{token[:2]}/{token}"


class LocatorMap(RenditionsMixin, models.Model):
    """The map of where an item lies, made from its coordinates (`photos.locator`) when they
    are saved and by `generate_locator_maps`: in the card and detail sizes, WebP and JPEG,
    like a photo's renditions. One per item of a `Mapped` model (below), which declares the
    `locator_maps` generic relation and `map_place()`.

    Not an editor's photo: it is made, never uploaded, so it has no gallery row, no history
    (reverting an item must not bring back a map whose files are gone) and no admin.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_object = GenericForeignKey("content_type", "object_id")
    # What the files show: a new value means the files are drawn again.
    signature = models.CharField(_("signature"), max_length=64, editable=False)
    renditions = models.JSONField(_("renditions"), default=dict, editable=False, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("locator map")
        verbose_name_plural = _("locator maps")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="locator_map_one_per_object"
            ),
        ]

    def __str__(self):
        return f"map of {self.content_type.model} {self.object_id}"

    def stored_names(self):
        return [
            name
            for data in (self.renditions or {}).values()
            for name in (data.get("webp"), data.get("jpeg"))
            if name
        ]

    storage = default_storage


class Mapped(Located):
    """An item with coordinates and the locator map drawn from them (heritage sites,
    festivals, universities): `generate_locator_maps` finds every model with this base, and
    the admin's `LocatorMapAdminMixin` redraws the map when an editor saves the item.

    `map_countries_from` names the relation to the item's country or countries, which the map
    highlights and its alt text names: the page's `published_<relation>` where the page fetched
    it (a draft country is never named), else the relation itself.
    """

    map_countries_from = ""

    locator_maps = GenericRelation(LocatorMap, verbose_name=_("locator maps"))

    class Meta:
        abstract = True

    def map_countries(self):
        name = self.map_countries_from
        if not name:
            return []
        published = f"published_{name}"
        found = getattr(self, published) if hasattr(self, published) else getattr(self, name)
        if found is None:
            return []
        if isinstance(found, models.Model):
            return [found]
        return list(found.all() if hasattr(found, "all") else found)

    def map_place(self):
        """Where the locator map points (photos.services.locator_map_refresh), or None."""
        if not self.has_coordinates:
            return None
        countries = self.map_countries()
        return MapPlace(
            latitude=float(self.latitude),
            longitude=float(self.longitude),
            title=str(self),
            country_codes=tuple(country.code for country in countries),
            places=tuple(country.name for country in countries),
        )


def locator_map_prefetch(lookup="locator_maps"):
    """Add to `for_listing()` / `for_detail()`: the maps of a page's items in one query, in
    `obj.locator_map_list` (a list of zero or one)."""
    return Prefetch(lookup, queryset=LocatorMap.objects.all(), to_attr="locator_map_list")


def locator_map(obj):
    """The item's map, from the prefetch when there is one."""
    if hasattr(obj, "locator_map_list"):
        return obj.locator_map_list[0] if obj.locator_map_list else None
    relation = getattr(obj, "locator_maps", None)
    return relation.first() if relation is not None and obj.pk else None
