"""The font that generated pictures (placeholders, locator maps) write with.

Names and captions come in Latin, Cyrillic and Chinese, with typographic punctuation ("–"), so
the first choice is Noto Sans CJK (Debian's fonts-noto-cjk, which `.ci/run` installs), which
covers all of them; then DejaVu Sans (Latin and Cyrillic, no CJK); then Pillow's own font as a
last resort (Latin only). `PHOTOS_FONT_PATH` names another file (e.g. on macOS).
"""

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

# (path, face index in a collection): index 2 of the CJK collection is its Simplified
# Chinese face, the one for zh-hans readers; Latin and Cyrillic are the same in every face.
CANDIDATES = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),  # Fedora, Arch
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", 0),
)
# A text every generated picture must draw without a missing-glyph box.
COVERAGE_SAMPLE = "Samarkand – Crossroad of Cultures · Самарканд · 撒马尔罕 · 地图"


def font_path():
    """(path, index) of the first font found, or None."""
    configured = getattr(settings, "PHOTOS_FONT_PATH", "")
    for path, index in ((configured, 0), *CANDIDATES) if configured else CANDIDATES:
        if Path(path).is_file():
            return path, index
    return None


@lru_cache(maxsize=32)
def font(size):
    found = font_path()
    if found:
        try:
            return ImageFont.truetype(found[0], size, index=found[1])
        except OSError:
            pass
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow without FreeType: the small bitmap font
        return ImageFont.load_default()


def missing_glyphs(text, face):
    """The characters of `text` the font would draw as its "missing glyph" box (tofu).

    A font draws every character it lacks with the same .notdef glyph, so a character whose
    drawing equals that of a code point no font has (a private-use one) is missing.
    """

    def drawn(char):
        image = Image.new("L", (256, 256))
        ImageDraw.Draw(image).text((8, 8), char, font=face, fill=255)
        return image.tobytes()

    notdef = drawn("\U0010fffd")
    return sorted({char for char in text if not char.isspace() and drawn(char) == notdef})
