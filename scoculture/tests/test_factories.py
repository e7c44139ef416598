"""The test factories themselves: a test's data is what it says, whatever ran before it."""

import pytest

from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db


def test_generated_countries_never_turn_out_to_be_a_named_one():
    # Generated codes once ran through AA..ZZ and fetched an existing country on a clash:
    # a programme's "partner Kazakhstan" became China, in whichever test the count reached CN.
    china = CountryFactory(code="CN", name="China")
    others = CountryFactory.create_batch(80)
    assert china not in others
    assert len({country.pk for country in others}) == 80
