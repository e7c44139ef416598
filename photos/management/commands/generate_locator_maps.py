"""Draw the locator map of every item with coordinates; safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from photos.placeholders import remove_placeholders
from photos.services import locator_map_refresh, models_with_maps


class Command(BaseCommand):
    help = (
        "Make the locator map (card and detail sizes, WebP and JPEG) of every item with "
        "coordinates, redraw those whose place changed and remove those of items that lost "
        "their coordinates; an unchanged map is left alone. A generated placeholder image of an "
        "item that now has a map is removed: the map says more."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=None, help="At most this many per kind (for a quick run)."
        )

    def handle(self, *args, limit=None, **options):
        for model in models_with_maps():
            items = model._default_manager.order_by("pk")
            if limit is not None:
                items = items[:limit]
            drawn = removed = 0
            for obj in items.iterator(chunk_size=100):
                with transaction.atomic():
                    before = obj.locator_maps.values_list("signature", flat=True).first()
                    map_ = locator_map_refresh(obj=obj)
                    if map_ is not None:
                        removed += remove_placeholders(obj)
                if map_ is not None and map_.signature != before:
                    drawn += 1
            self.stdout.write(
                f"{model._meta.verbose_name_plural}: {drawn} map(s) drawn, "
                f"{removed} placeholder(s) replaced by a map"
            )
