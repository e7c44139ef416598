"""Checking uploads and making renditions, on Pillow alone.

Two jobs, kept free of models so they can be tested on bytes:
`open_upload` decides whether a file is an image we accept (by its content, never its name)
and `process` turns an accepted file into a clean original plus the rendition set, every one
re-encoded from pixels so no EXIF, GPS, XMP, ICC or comment survives.
"""

import io
import struct
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Never paper over a damaged file: a truncated upload must fail, not render half grey.
ImageFile.LOAD_TRUNCATED_IMAGES = False


@dataclass(frozen=True)
class Size:
    """One rendition: fit in width x height; `crop` fills the box exactly (list cards)."""

    name: str
    width: int
    height: int
    crop: bool = False


# A card is cropped to 3:2 so list grids line up; detail and full keep the photo's shape.
SIZES = (
    Size("card", 640, 427, crop=True),
    Size("detail", 1280, 1280),
    Size("full", 2400, 2400),
)
SIZE_NAMES = tuple(size.name for size in SIZES)
JPEG_QUALITY = 82
WEBP_QUALITY = 80
ORIGINAL_JPEG_QUALITY = 92


def max_pixels():
    return getattr(settings, "PHOTOS_MAX_PIXELS", 40_000_000)


def max_upload_bytes():
    return getattr(settings, "PHOTOS_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)


def _rewind(file):
    if hasattr(file, "seek"):
        file.seek(0)


def open_upload(file):
    """Return the decoded image of an upload, or raise ValidationError saying what is wrong.

    Order matters: the cheap checks (byte size, the header's dimensions) come before any
    decoding, so a decompression bomb is refused before it can take the memory it asks for.
    """
    size = getattr(file, "size", None)
    if size is None:
        _rewind(file)
        size = len(file.read())
    if size > max_upload_bytes():
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is %(limit).0f MB."),
            code="file_too_large",
            params={"size": size / 1_048_576, "limit": max_upload_bytes() / 1_048_576},
        )
    not_an_image = ValidationError(
        _(
            "Upload a JPEG, PNG or WebP image. This file is not one "
            "(other formats, SVG and HTML are refused)."
        ),
        code="invalid_image",
    )
    damaged = ValidationError(
        _("The image is damaged or incomplete; export it again and upload the new file."),
        code="damaged_image",
    )

    def check_pixels(image):
        pixels = image.width * image.height
        if pixels > max_pixels():
            raise ValidationError(
                _("The image is %(megapixels).1f megapixels; the limit is %(limit).0f."),
                code="too_many_pixels",
                params={"megapixels": pixels / 1e6, "limit": max_pixels() / 1e6},
            )

    with warnings.catch_warnings():
        # Pillow only warns between its limit and twice it; we refuse outright.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            _rewind(file)
            with Image.open(file, formats=ACCEPTED_FORMATS) as probe:
                check_pixels(probe)
                probe.verify()
            _rewind(file)
            image = Image.open(file, formats=ACCEPTED_FORMATS)
            check_pixels(image)
            # MPO is a phone camera's JPEG with a preview or depth frame: keep the first.
            if getattr(image, "n_frames", 1) > 1 and image.format != "MPO":
                raise ValidationError(
                    _("Animated images are not accepted; upload a still photograph."),
                    code="animated_image",
                )
            image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(
                _("The image declares more pixels than it could safely be opened with."),
                code="decompression_bomb",
            ) from error
        except UnidentifiedImageError as error:
            raise not_an_image from error
        except (OSError, SyntaxError, ValueError, EOFError, struct.error) as error:
            raise damaged from error
        finally:
            _rewind(file)
    return image


def _to_srgb(image, icc, mode):
    """Convert to sRGB through the file's colour profile, so dropping it keeps the colours."""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode == mode and "sRGB" in ImageCms.getProfileDescription(profile):
            return image  # already sRGB: nothing to convert
        return ImageCms.profileToProfile(
            image, profile, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image  # a broken or exotic profile: plain conversion below


def _normalise(image):
    """Upright, RGB or RGBA, sRGB, and with no metadata left in `info`.

    Works in place where it can: a 40-megapixel photo is 160 MB decoded, and each copy counts.
    """
    icc = image.info.get("icc_profile")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    target = "RGBA" if has_alpha else "RGB"
    ImageOps.exif_transpose(image, in_place=True)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        image = _to_srgb(image, icc, "RGBA" if image.mode == "RGBA" else "RGB")
    if image.mode != target:
        image = image.convert(target)
    image.info = {}
    return image


def _flatten(image):
    """JPEG has no alpha: lay a transparent image on white."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, "white")
    background.paste(image, mask=image.getchannel("A"))
    return background


def _encode(image, fmt, **options):
    buffer = io.BytesIO()
    image.info = {}
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _resize(image, size):
    if size.crop:
        # Never upscale: shrink the box until it fits inside the photo, keeping 3:2.
        scale = min(1.0, image.width / size.width, image.height / size.height)
        box = (max(1, round(size.width * scale)), max(1, round(size.height * scale)))
        return ImageOps.fit(image, box, method=Image.Resampling.LANCZOS)
    scale = min(1.0, size.width / image.width, size.height / image.height)
    if scale == 1.0:
        return image
    box = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(box, Image.Resampling.LANCZOS, reducing_gap=3.0)


@dataclass
class Processed:
    """What `process` returns: the clean original and {size: {"webp"|"jpeg": bytes}}."""

    original: bytes
    original_format: str
    width: int
    height: int
    renditions: dict  # name -> {"width", "height", "webp": bytes, "jpeg": bytes}


def process(file):
    """Validate, orient, strip and render an upload (or any readable image file)."""
    source = open_upload(file)
    fmt = "JPEG" if source.format == "MPO" else source.format
    try:
        image = _normalise(source)
        if image is not source:
            source.close()
        if fmt == "JPEG":
            original = _encode(
                _flatten(image), "JPEG", quality=ORIGINAL_JPEG_QUALITY, optimize=True
            )
        elif fmt == "WEBP":
            original = _encode(image, "WEBP", quality=90, method=4)
        else:
            original = _encode(image, "PNG", optimize=True)
        renditions = render(image)
    except (OSError, SyntaxError, ValueError, TypeError, KeyError, struct.error) as error:
        # Decoded, yet its EXIF or colour data trips the conversion: still the file's fault.
        raise ValidationError(
            _("The image could not be converted; export it again and upload the new file."),
            code="unconvertible_image",
        ) from error
    return Processed(
        original=original,
        original_format=fmt,
        width=image.width,
        height=image.height,
        renditions=renditions,
    )


def render(image, sizes=SIZES):
    """{size name: {"width", "height", "webp": bytes, "jpeg": bytes}} of a normalised image."""
    return {size.name: encode_rendition(_resize(image, size)) for size in sizes}


def encode_rendition(image, webp_options=None):
    """{"width", "height", "webp", "jpeg"} of an image already at its rendition's size."""
    return {
        "width": image.width,
        "height": image.height,
        "webp": _encode(image, "WEBP", **(webp_options or {"quality": WEBP_QUALITY, "method": 4})),
        "jpeg": _encode(
            _flatten(image), "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True
        ),
    }


def render_stored(file):
    """Renditions of an original already stored (clean and upright): after SIZES change."""
    return render(_normalise(open_upload(file)))
