"""Make renditions again from the stored originals, e.g. after a size is added or changed."""

from django.core.management.base import BaseCommand
from django.db import transaction

from photos import images
from photos.models import Photo


class Command(BaseCommand):
    help = (
        "Render the photo sizes again from each stored original. By default only photos "
        f"missing a size ({', '.join(images.SIZE_NAMES)}); --all redoes every photo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Rebuild every photo.")

    def handle(self, *args, all=False, **options):
        done = 0
        for photo in Photo.objects.order_by("pk").iterator(chunk_size=100):
            if not all and not photo.missing_renditions:
                continue
            with transaction.atomic():
                photo.rebuild_renditions()
            done += 1
        self.stdout.write(f"{done} photo(s) rendered again.")
