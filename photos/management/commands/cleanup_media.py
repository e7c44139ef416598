"""List, and with --delete remove, files in media storage that no row refers to."""

import datetime

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import models
from django.utils import timezone

from photos.models import LocatorMap, Photo


def referenced_names():
    """Every file name a row points to: file fields of every model, photo renditions and
    locator maps."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names.update(
                    model._default_manager.exclude(**{field.name: ""})
                    .values_list(field.name, flat=True)
                    .iterator()
                )
    for model in (Photo, LocatorMap):
        for renditions in model.objects.values_list("renditions", flat=True).iterator():
            for data in (renditions or {}).values():
                names.update(name for key, name in data.items() if key in ("webp", "jpeg"))
    names.discard(None)
    return names


def walk(storage, folder=""):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        yield from walk(storage, f"{folder}/{directory}" if folder else directory)


class Command(BaseCommand):
    help = (
        "List files under MEDIA_ROOT (or the media bucket) that no database row refers to; "
        "with --delete, remove them. Files younger than --min-age minutes (default "
        "PHOTOS_ORPHAN_MIN_AGE_MINUTES, longer than any save) are skipped, so an upload being "
        "saved right now is never taken for an orphan; older ones are what an interrupted "
        "save left behind."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Remove the orphans.")
        parser.add_argument("--min-age", type=int, default=None, metavar="MINUTES")

    def handle(self, *args, delete=False, min_age=None, **options):
        if min_age is None:
            min_age = settings.PHOTOS_ORPHAN_MIN_AGE_MINUTES
        storage = default_storage
        known = referenced_names()
        cutoff = timezone.now() - datetime.timedelta(minutes=min_age)
        try:
            names = sorted(walk(storage))
        except FileNotFoundError:
            names = []
        orphans = [
            name
            for name in names
            if name not in known and (min_age <= 0 or storage.get_modified_time(name) < cutoff)
        ]
        for name in orphans:
            if delete:
                storage.delete(name)
            self.stdout.write(f"{'deleted' if delete else 'orphan'}: {name}")
        verb = "deleted" if delete else "found (run with --delete to remove them)"
        self.stdout.write(f"{len(orphans)} orphaned file(s) {verb}; {len(known)} in use.")
