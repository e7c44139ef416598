"""The gallery inline, changelist thumbnails and the lead preview every content admin shares.

A content admin opts in with `PhotoAdminMixin` in its bases and `"lead_thumbnail"` in its
`list_display`; the lead photos of a changelist page come in one prefetch query.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationGenericStackedInline

from scoculture.admin_history import HistoryAdminMixin

from .forms import PhotoChangeForm, PhotoForm, PhotoInlineFormSet
from .models import Photo, lead_photo, lead_photo_prefetch
from .services import locator_map_refresh


def thumbnail(photo, height=60):
    """A small <img> of the card rendition (never the original), or a dash."""
    rendition = photo.card if photo else None
    if rendition is None:
        return "–"
    width = round(rendition.width * height / rendition.height)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" loading="lazy" '
        'style="object-fit:cover;border-radius:3px">',
        rendition.webp_url,
        width,
        height,
        photo.alt_text,
    )


class PhotoInline(TranslationGenericStackedInline):
    """The ordered gallery of one item, lead image included."""

    model = Photo
    form = PhotoForm
    formset = PhotoInlineFormSet
    extra = 1
    ordering = ("position", "pk")
    fields = (
        ("original", "preview"),
        "alt_text",
        "caption",
        ("credit", "licence"),
        ("position", "is_lead"),
    )
    readonly_fields = ("preview",)
    verbose_name = _("photo")
    verbose_name_plural = _("photos (lead image and gallery)")

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj if obj and obj.pk else None, height=120)


class PhotoAdminMixin:
    """Thumbnails in the changelist, the gallery inline, the lead image in the change form."""

    inlines = [PhotoInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(lead_photo_prefetch())

    def get_list_display_links(self, request, list_display):
        # The thumbnail comes first; the name next to it stays the link editors look for.
        links = super().get_list_display_links(request, list_display)
        if list(links or ())[:1] == ["lead_thumbnail"] and len(list_display) > 1:
            return ["lead_thumbnail", list_display[1]]
        return links

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "lead_preview")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [(_("Lead image"), {"fields": ("lead_preview",)}), *fieldsets]

    @admin.display(description=_("image"))
    def lead_thumbnail(self, obj):
        return thumbnail(lead_photo(obj))

    @admin.display(description=_("lead image"))
    def lead_preview(self, obj):
        photo = lead_photo(obj) if obj and obj.pk else None
        if photo is None:
            return _("No lead image yet: add a photo below and tick “lead image”.")
        return thumbnail(photo, height=140)


@admin.register(Photo)
class PhotoAdmin(HistoryAdminMixin, TranslationAdmin):
    """Every photo in one list, to find one by its text or credit; edit them in their item.

    The history of a photo is that of its metadata (photos.versioning); a deleted photo cannot
    be recovered (no add permission here), its files went with it.
    """

    list_display = ("thumb", "alt_text", "item", "content_type", "is_lead", "credit")
    list_filter = ("content_type", "is_lead")
    search_fields = ("alt_text", "caption", "credit")
    list_select_related = ("content_type",)
    readonly_fields = ("thumb", "content_type", "object_id", "width", "height")
    form = PhotoChangeForm
    fields = (
        "thumb",
        "original",
        "alt_text",
        "caption",
        "credit",
        "licence",
        "position",
        "is_lead",
        "content_type",
        "object_id",
        "width",
        "height",
    )

    def get_queryset(self, request):
        # One query per kind of item for the whole page, not one per row.
        return super().get_queryset(request).prefetch_related("content_object")

    @admin.display(description=_("item"))
    def item(self, obj):
        return obj.content_object

    def has_add_permission(self, request):
        return False  # a photo is added to its item, from the item's page

    @admin.display(description=_("image"))
    def thumb(self, obj):
        return thumbnail(obj)


class LocatorMapAdminMixin:
    """For the admin of an item with coordinates (`map_place()`): saving it makes, redraws or
    removes its locator map, after the many-to-many fields are saved (the countries the map
    highlights). Nothing is drawn when the place is unchanged."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        locator_map_refresh(obj=form.instance)
