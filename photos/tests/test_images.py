"""Renditions: sizes, formats, orientation and metadata, on the model's save."""

import io

import pytest
from PIL import Image

from photos import images
from photos.tests.factories import PhotoFactory, image_bytes, jpeg_with_gps, upload

from .conftest import stored_files

pytestmark = pytest.mark.django_db


def open_stored(storage, name):
    with storage.open(name) as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image


def all_stored_images(photo):
    storage = photo.original.storage
    return {name: open_stored(storage, name) for name in photo.stored_names()}


def test_renditions_have_promised_sizes_and_formats():
    photo = PhotoFactory(original=upload(image_bytes(size=(4000, 3000))))
    assert (photo.width, photo.height) == (4000, 3000)
    expected = {"card": (640, 427), "detail": (1280, 960), "full": (2400, 1800)}
    assert set(photo.renditions) == set(expected)
    storage = photo.original.storage
    for name, size in expected.items():
        data = photo.renditions[name]
        assert (data["width"], data["height"]) == size
        webp, jpeg = open_stored(storage, data["webp"]), open_stored(storage, data["jpeg"])
        assert (webp.format, webp.size) == ("WEBP", size)
        assert (jpeg.format, jpeg.size) == ("JPEG", size)
        assert data["webp"].endswith(".webp") and data["jpeg"].endswith(".jpg")
    assert open_stored(storage, photo.original.name).format == "JPEG"


def test_small_images_are_never_upscaled():
    photo = PhotoFactory(original=upload(image_bytes(size=(300, 500))))
    assert (photo.renditions["detail"]["width"], photo.renditions["detail"]["height"]) == (
        300,
        500,
    )
    card = photo.renditions["card"]
    assert card["width"] <= 300 and card["height"] <= 500
    assert abs(card["width"] / card["height"] - 640 / 427) < 0.02


def test_gps_exif_icc_and_comment_are_gone_from_every_stored_file():
    raw = Image.open(io.BytesIO(jpeg_with_gps()))
    assert raw.getexif().get_ifd(0x8825)  # the fixture really carries GPS
    photo = PhotoFactory(original=upload(jpeg_with_gps()))
    stored = all_stored_images(photo)
    assert len(stored) == 7  # original + 3 sizes x 2 formats
    for name, image in stored.items():
        assert not image.getexif(), name
        assert not image.getexif().get_ifd(0x8825), name
        for key in ("exif", "icc_profile", "xmp", "comment"):
            assert not image.info.get(key), (name, key)
    storage = photo.original.storage
    for name in photo.stored_names():
        with storage.open(name) as file:
            content = file.read()
        assert b"SpyCam" not in content and b"secret place" not in content, name


def test_exif_orientation_is_applied_before_stripping():
    # Orientation 6: the camera was turned; the stored picture must stand upright (portrait).
    photo = PhotoFactory(original=upload(jpeg_with_gps(size=(1200, 800), orientation=6)))
    assert (photo.width, photo.height) == (800, 1200)
    detail = photo.renditions["detail"]
    assert detail["height"] > detail["width"]


def test_png_with_alpha_gets_a_white_jpeg_fallback():
    data = image_bytes("PNG", size=(800, 600), color=(0, 0, 0, 0), mode="RGBA")
    photo = PhotoFactory(original=upload(data, "logo.png", "image/png"))
    storage = photo.original.storage
    assert open_stored(storage, photo.original.name).format == "PNG"
    jpeg = open_stored(storage, photo.renditions["card"]["jpeg"])
    assert jpeg.mode == "RGB" and jpeg.getpixel((5, 5)) == (255, 255, 255)


def test_webp_upload_is_accepted():
    photo = PhotoFactory(original=upload(image_bytes("WEBP"), "x.webp", "image/webp"))
    assert photo.original.name.endswith(".webp")


def test_file_names_come_from_a_fresh_folder_not_the_upload_path(media_root):
    photo = PhotoFactory(original=upload(image_bytes(), "../../etc/Красивое фото.JPG"))
    assert photo.original.name.startswith("photos/")
    assert ".." not in photo.original.name
    assert all(name.startswith("photos/") for name in stored_files(media_root))


def test_process_refuses_what_open_upload_refuses():
    with pytest.raises(images.ValidationError):
        images.process(io.BytesIO(b"not an image"))


def _saved(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def test_phone_mpo_jpeg_keeps_its_first_frame():
    first, second = Image.new("RGB", (300, 200), "red"), Image.new("RGB", (300, 200), "blue")
    data = _saved(first, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(data)).format == "MPO"
    photo = PhotoFactory(original=upload(data))
    assert photo.original.name.endswith(".jpg")
    card = open_stored(photo.original.storage, photo.renditions["card"]["jpeg"])
    assert card.getpixel((5, 5))[0] > 240


@pytest.mark.parametrize(
    "image,expected",
    [
        (Image.new("CMYK", (300, 200), (0, 255, 255, 0)), (254, 0, 0)),
        (Image.new("I;16", (300, 200), 30000), (117, 117, 117)),
        (Image.new("LA", (300, 200), (100, 0)), (255, 255, 255)),
        (Image.new("1", (300, 200), 1), (255, 255, 255)),
    ],
    ids=["cmyk", "16-bit", "grey-alpha", "bilevel"],
)
def test_unusual_modes_become_rgb_renditions(image, expected):
    fmt = "JPEG" if image.mode == "CMYK" else "PNG"
    processed = images.process(io.BytesIO(_saved(image, fmt)))
    card = Image.open(io.BytesIO(processed.renditions["card"]["jpeg"]))
    assert card.mode == "RGB"
    assert all(abs(a - b) <= 3 for a, b in zip(card.getpixel((5, 5)), expected, strict=True))


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_animations_are_refused(fmt):
    first, second = Image.new("RGB", (30, 20), "red"), Image.new("RGB", (30, 20), "blue")
    data = _saved(first, fmt, save_all=True, append_images=[second])
    with pytest.raises(images.ValidationError, match="Animated"):
        images.open_upload(io.BytesIO(data))
