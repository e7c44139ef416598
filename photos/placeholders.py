"""Clearly-labelled placeholder pictures for the demo data (no photograph can be downloaded).

Each one shows the item's name in each of its languages, the words "Placeholder image" (in the
three scripts: one picture serves every language's page) and the country's code on a colour of
that country, so every page shows how real images would sit, and nobody could take one for a
photograph. Its alt text is in every language.
"""

import colorsys
import hashlib
import io
import textwrap

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from PIL import Image, ImageDraw

from . import fonts
from .models import PLACEHOLDER_CREDIT, PLACEHOLDER_LICENCE, LocatorMap, Photo

SIZE = (1200, 800)
PLACEHOLDER_LABEL = "Placeholder image · Заглушка · 占位图片"


def country_colour(code):
    """A stable, distinct, mid-dark colour per country code (white text stays readable)."""
    digest = hashlib.sha256((code or "").encode()).digest()
    hue = digest[0] / 255
    red, green, blue = colorsys.hls_to_rgb(hue, 0.32 + digest[1] / 255 * 0.08, 0.55)
    return round(red * 255), round(green * 255), round(blue * 255)


def _font(size):
    # Names come in three scripts with typographic dashes: a font that has them all.
    return fonts.font(size)


def _fitted(draw, text, font, width):
    """`text`, cut with an ellipsis to fit `width` pixels (Chinese has no spaces to wrap at)."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(f"{text}…", font=font) > width:
        text = text[:-1]
    return f"{text.rstrip()}…"


def placeholder_image(titles, country_code="", size=SIZE):
    """JPEG bytes: the item's titles (the first large, each other language's on a line of its
    own), 'Placeholder image' and the country code, on the country's colour."""
    titles = list(dict.fromkeys([titles] if isinstance(titles, str) else titles))
    width, height = size
    background = country_colour(country_code)
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    # A frame and diagonals: the classic "no picture here" sign.
    line = tuple(min(255, channel + 40) for channel in background)
    draw.rectangle([12, 12, width - 13, height - 13], outline=line, width=6)
    draw.line([(12, 12), (width - 13, height - 13)], fill=line, width=3)
    draw.line([(12, height - 13), (width - 13, 12)], fill=line, width=3)

    title_font, other_font = _font(height // 13), _font(height // 18)
    label_font = _font(height // 22)
    text_width = width - 96
    first, others = (titles[0], titles[1:]) if titles else ("SCO Culture", [])
    lines, room = textwrap.wrap(first, width=28), 2 if others else 3
    if len(lines) > room:
        lines = [*lines[: room - 1], f"{lines[room - 1]}…"]
    rows = [(_fitted(draw, text, title_font, text_width), title_font) for text in lines]
    rows += [(_fitted(draw, text, other_font, text_width), other_font) for text in others]
    label = f"{PLACEHOLDER_LABEL} · {country_code}" if country_code else PLACEHOLDER_LABEL
    rows += [("", label_font), (_fitted(draw, label, label_font, text_width), label_font)]
    heights = [draw.textbbox((0, 0), text or "X", font=font)[3] for text, font in rows]
    y = (height - sum(heights) - 14 * len(rows)) // 2
    for (text, font), row_height in zip(rows, heights, strict=True):
        if text:
            box_width = draw.textlength(text, font=font)
            x = (width - box_width) // 2
            draw.rectangle(
                [x - 16, y - 8, x + box_width + 16, y + row_height + 10], fill=background
            )
            draw.text((x, y), text, font=font, fill="white")
        y += row_height + 14
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def country_code_of(obj):
    """The code of the item's country: a foreign key to a country first, else the first of a
    many-to-many, found by field type so this module needs to import no content app."""
    to_country = [
        field
        for field in obj._meta.get_fields()
        if getattr(field, "related_model", None) is not None
        and not field.auto_created
        and field.related_model._meta.label == "scoculture.Country"
    ]
    for field in sorted(to_country, key=lambda field: not field.many_to_one):
        if field.many_to_one:
            country = getattr(obj, field.name)
        else:
            country = getattr(obj, field.name).order_by("name").first()
        if country is not None:
            return country.code
    return ""


def models_with_photos():
    """Every model that declares `photos = GenericRelation(Photo)`."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        for field in model._meta.private_fields:
            if isinstance(field, GenericRelation) and field.related_model is Photo:
                found.append(model)
    return found


def titles_by_language(obj):
    """{language code: the item's name as that language's pages show it}."""
    titles = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            titles[code] = str(obj)
    return titles


def add_placeholder(obj):
    """Give `obj` a placeholder lead photo; returns the Photo."""
    titles = titles_by_language(obj)
    alt_texts = {}
    for code, title in titles.items():
        with translation.override(code):
            alt_texts[build_localized_fieldname("alt_text", code)] = _(
                "Placeholder image for %(name)s"
            ) % {"name": title}
    english = titles[settings.LANGUAGE_CODE]
    data = placeholder_image(list(titles.values()), country_code_of(obj))
    return Photo.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        original=SimpleUploadedFile(f"{slugify(english)[:50] or 'placeholder'}.jpg", data),
        **alt_texts,
        caption="",
        credit=PLACEHOLDER_CREDIT,
        licence=PLACEHOLDER_LICENCE,
        position=0,
        is_lead=True,
    )


def objects_without_lead(model):
    """Items with neither a lead photo nor a locator map (a map says more than a placeholder)."""
    content_type = ContentType.objects.get_for_model(model)
    with_lead = Photo.objects.filter(content_type=content_type, is_lead=True).values("object_id")
    with_map = LocatorMap.objects.filter(content_type=content_type).values("object_id")
    return (
        model._default_manager.exclude(pk__in=models.Subquery(with_lead))
        .exclude(pk__in=models.Subquery(with_map))
        .order_by("pk")
    )


def remove_placeholders(obj):
    """Delete the generated placeholder photos of an item (files go on commit); returns how
    many. Told apart from editors' photos by the credit and licence only this module writes."""
    placeholders = Photo.objects.for_object(obj).filter(
        credit=PLACEHOLDER_CREDIT, licence=PLACEHOLDER_LICENCE
    )
    count = 0
    for photo in placeholders:
        photo.delete()
        count += 1
    return count
