"""Files follow their rows: a deleted photo takes its original and renditions with it."""

from django.core.files.storage import default_storage
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import LocatorMap, Photo, delete_files_on_commit


@receiver(post_delete, sender=Photo, dispatch_uid="photos_delete_files")
def delete_photo_files(sender, instance, **kwargs):
    delete_files_on_commit(instance.original.storage, instance.stored_names())


@receiver(post_delete, sender=LocatorMap, dispatch_uid="photos_delete_map_files")
def delete_map_files(sender, instance, **kwargs):
    delete_files_on_commit(default_storage, instance.stored_names())
