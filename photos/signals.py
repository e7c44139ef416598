"""Files follow their rows: a deleted photo takes its original and renditions with it."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Photo, delete_files_on_commit


@receiver(post_delete, sender=Photo, dispatch_uid="photos_delete_files")
def delete_photo_files(sender, instance, **kwargs):
    delete_files_on_commit(instance.original.storage, instance.stored_names())
