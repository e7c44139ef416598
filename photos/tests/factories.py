"""Images as bytes, and photos attached to content, for the photo tests."""

import io
import struct
import zlib

import factory
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from heritage.tests.factories import HeritageSiteFactory
from photos.models import Photo


def image_bytes(fmt="JPEG", size=(1600, 1200), color=(200, 120, 40), mode="RGB", **save):
    image = Image.new(mode, size, color)
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save)
    return buffer.getvalue()


GPS_LATITUDE = (39.0, 39.0, 30.0)


def jpeg_with_gps(size=(1200, 800), orientation=None):
    """A JPEG carrying GPS coordinates, a camera name, a comment and an ICC profile."""
    image = Image.new("RGB", size, (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x0110] = "Model X"  # Model
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = GPS_LATITUDE
    gps[3] = "E"
    gps[4] = (66.0, 57.0, 0.0)
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"secret place", icc_profile=icc)
    return buffer.getvalue()


def png_declaring(width, height):
    """A tiny PNG whose header claims width x height: a decompression bomb in miniature."""
    data = image_bytes("PNG", size=(1, 1))
    ihdr_at = 8
    length = struct.unpack(">I", data[ihdr_at : ihdr_at + 4])[0]
    body = bytearray(data[ihdr_at + 4 : ihdr_at + 8 + length])  # type + data
    body[4:12] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(bytes(body)) & 0xFFFFFFFF)
    return data[: ihdr_at + 4] + bytes(body) + crc + data[ihdr_at + 8 + length + 4 :]


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo
        exclude = ("content_object",)

    content_object = factory.SubFactory(HeritageSiteFactory)
    content_type = factory.LazyAttribute(
        lambda photo: ContentType.objects.get_for_model(photo.content_object)
    )
    object_id = factory.SelfAttribute("content_object.pk")
    original = factory.LazyFunction(lambda: upload(image_bytes(size=(700, 470))))
    alt_text = factory.Sequence(lambda n: f"Photo {n}")
    credit = "Test photographer"
    licence = "CC BY 4.0"
    is_lead = True
