"""Generated pictures write names in Latin, Cyrillic and Chinese without missing-glyph boxes."""

import os

import pytest

from photos import fonts, placeholders

# CI installs the font (.ci/run), so there a missing one fails rather than skips.
needs_cjk_font = pytest.mark.skipif(
    not os.environ.get("CI") and "CJK" not in (fonts.font_path() or ("",))[0],
    reason="no Noto Sans CJK here (apt-get install fonts-noto-cjk)",
)


@needs_cjk_font
def test_placeholder_font_has_every_glyph_of_latin_cyrillic_and_chinese_names():
    assert fonts.missing_glyphs(fonts.COVERAGE_SAMPLE, placeholders._font(40)) == []


@needs_cjk_font
def test_map_font_has_the_map_caption_in_three_scripts():
    assert fonts.missing_glyphs("Map · Карта · 地图 – Natural Earth", fonts.font(20)) == []


def test_missing_glyphs_finds_what_a_latin_only_font_lacks():
    from PIL import ImageFont

    latin_only = ImageFont.load_default(size=30)
    assert "–" in fonts.missing_glyphs("Samarkand – Самарканд", latin_only)
    assert "С" in fonts.missing_glyphs("Samarkand – Самарканд", latin_only)


def test_without_any_system_font_pillows_own_is_used(settings, monkeypatch):
    monkeypatch.setattr(fonts, "CANDIDATES", ())
    settings.PHOTOS_FONT_PATH = ""
    fonts.font.cache_clear()
    try:
        assert fonts.font(20) is not None
    finally:
        fonts.font.cache_clear()
