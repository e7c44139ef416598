"""Versions of a photo's metadata: texts in every language, credit, licence, order and lead.

The image files are not versioned: a replaced or deleted photo's files are deleted with it
(`photos.signals`, `Photo.save`), so a version naming them could only bring back a broken
image. Versions therefore leave the file fields out, and reverting one (alone, or as part of
its item's revision) writes the metadata onto the photo as it is now, keeping its current
image; a photo deleted since stays deleted. The versions use a serialization format of their
own, "photo_metadata" (JSON), whose deserialized object saves that way.
"""

from django.core import serializers
from django.core.serializers import base, json

from scoculture.history import register_versioned, version_options

FORMAT = "photo_metadata"
FILE_FIELDS = ("original", "width", "height", "renditions")
# Kept in the version to show which item it belonged to, never written back.
NOT_RESTORED = ("content_type", "object_id", "created_at", "updated_at")


class Serializer(json.Serializer):
    pass


class Deserializer(json.Deserializer):
    def _handle_object(self, obj):
        for deserialized in super()._handle_object(obj):
            yield MetadataVersion(deserialized.object, deserialized.m2m_data)


class MetadataVersion(base.DeserializedObject):
    def save(self, save_m2m=True, using=None, **kwargs):
        model = type(self.object)
        current = model._base_manager.using(using).filter(pk=self.object.pk).first()
        if current is None:
            return  # its files went with it
        fields = [
            name
            for name in version_options(model).fields
            if name not in NOT_RESTORED and not model._meta.get_field(name).primary_key
        ]
        for name in fields:
            setattr(current, name, getattr(self.object, name))
        current.save(using=using, update_fields=[*fields, "updated_at"])


def register_versioned_photo(model):
    serializers.register_serializer(FORMAT, __name__)
    register_versioned(model, exclude=FILE_FIELDS, format=FORMAT)
