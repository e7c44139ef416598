"""Give every item without a lead photo a clearly-labelled placeholder; safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from photos.placeholders import add_placeholder, models_with_photos, objects_without_lead


class Command(BaseCommand):
    help = (
        "Generate a labelled placeholder lead image (the item's name on its country's colour) "
        "for every heritage site, festival, programme and university that has no lead photo "
        "and no locator map (generate_locator_maps). "
        "Items that have one, placeholder or real, are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=None, help="At most this many per kind (for a quick run)."
        )

    def handle(self, *args, limit=None, **options):
        total = 0
        for model in models_with_photos():
            missing = objects_without_lead(model)
            if limit is not None:
                missing = missing[:limit]
            count = 0
            for obj in missing.iterator(chunk_size=100):
                with transaction.atomic():
                    add_placeholder(obj)
                count += 1
            if count:
                self.stdout.write(f"{model._meta.verbose_name_plural}: {count} placeholder(s)")
            total += count
        self.stdout.write(
            self.style.SUCCESS(f"{total} placeholder image(s) generated.")
            if total
            else "Every item already has a lead image."
        )
