from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhotosConfig(AppConfig):
    """Photographs attached to any content: lead image, gallery, renditions."""

    name = "photos"
    verbose_name = _("Photos")

    def ready(self):
        from scoculture.public_cache import watch

        from . import signals  # noqa: F401  (connects the file clean-up)
        from .models import LocatorMap, Photo

        # Photos and maps show on public pages: cached outputs follow them (a map drawn by
        # generate_locator_maps saves no content record).
        watch(Photo)
        watch(LocatorMap)
