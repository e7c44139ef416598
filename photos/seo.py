"""The picture a detail page offers to link previews and search engines: its lead photo."""

from scoculture.seo import PageImage

from .models import gallery_photos

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


class LeadPhotoImageMixin:
    """For a DetailPageMixin view of an item with photos: its lead photo, else the default."""

    def get_page_image(self):
        return lead_page_image(self.request, self.object) or super().get_page_image()
