from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhotosConfig(AppConfig):
    """Photographs attached to any content: lead image, gallery, renditions."""

    name = "photos"
    verbose_name = _("Photos")

    def ready(self):
        from scoculture.public_cache import watch

        from . import signals  # noqa: F401  (connects the file clean-up)
        from .models import Photo

        watch(Photo)  # a photo shows on public pages: cached outputs follow it
