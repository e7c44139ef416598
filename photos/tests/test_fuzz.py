"""Damaged images, by the hundred: every outcome is an accepted image or a ValidationError."""

import io

from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from photos import images
from photos.tests.factories import image_bytes

SEEDS = [
    image_bytes("JPEG", size=(64, 48)),
    image_bytes("PNG", size=(64, 48)),
    image_bytes("WEBP", size=(64, 48)),
    image_bytes("PNG", size=(64, 48), color=(1, 2, 3, 4), mode="RGBA"),
]


@st.composite
def damaged(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


@settings(max_examples=300, deadline=None)
@given(data=damaged())
def test_damaged_images_are_accepted_cleanly_or_refused(data):
    try:
        processed = images.process(io.BytesIO(data))
    except ValidationError:
        return
    assert set(processed.renditions) == set(images.SIZE_NAMES)
