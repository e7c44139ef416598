"""The picture a detail page offers to link previews and search engines: its lead photo,
else its locator map."""

from functools import cached_property

from scoculture.kept_rows import KeptRowsMixin
from scoculture.seo import PageImage

from .models import gallery_photos, gallery_prefetch, locator_map, locator_map_prefetch

# The detail size first: link previews want 1200 px or so; a card is the fallback.
PAGE_IMAGE_SIZES = ("detail", "card")


def lead_page_image(request, obj):
    """The lead photo's largest page rendition as a PageImage (JPEG: every reader takes it),
    or None. Read from the gallery's list, so the page makes no extra query."""
    lead = next((photo for photo in gallery_photos(obj) if photo.is_lead), None)
    for size in PAGE_IMAGE_SIZES if lead else ():
        rendition = lead.rendition(size)
        if rendition:
            return PageImage(
                request.build_absolute_uri(rendition.jpeg_url),
                rendition.width,
                rendition.height,
                lead.alt_text,
            )
    return None


def map_page_image(request, obj):
    """The locator map's detail rendition (JPEG) as a PageImage, or None; read from the
    view's `locator_map_prefetch()` where there is one."""
    map_ = locator_map(obj)
    rendition = map_.detail if map_ is not None else None
    place = obj.map_place() if rendition is not None else None
    if place is None:
        return None
    return PageImage(
        request.build_absolute_uri(rendition.jpeg_url),
        rendition.width,
        rendition.height,
        place.alt_text,
    )


class LeadPhotoImageMixin(KeptRowsMixin):
    """For a DetailPageMixin view of an item with photos: its lead photo, else its locator
    map, else the default. The gallery's photos are fetched with the record (one query, as
    `gallery_photos` would), so that they are kept with its rows (scoculture.kept_rows)."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related(gallery_prefetch())

    def get_page_image(self):
        return (
            lead_page_image(self.request, self.object)
            or map_page_image(self.request, self.object)
            or super().get_page_image()
        )


class MappedPageMixin(LeadPhotoImageMixin):
    """For the detail view of a `Mapped` item: its locator map fetched with the page (one
    query, here rather than in `for_detail()`, which the API shares and has no use for it),
    the page image falling back to it, and `map_url` for JSON-LD's `hasMap`."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related(locator_map_prefetch())

    @cached_property
    def map_url(self):
        """The map's absolute address whether or not it is the page image ("" without)."""
        image = map_page_image(self.request, self.object)
        return image.url if image else ""
