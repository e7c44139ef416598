"""The heritage changelist's transboundary filter uses the model's own rule."""

import pytest
from django.urls import reverse

from scoculture.tests.factories import CountryFactory

from .factories import HeritageSiteFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value,expected", [("yes", ["Corridor"]), ("no", ["Old town"])])
def test_transboundary_filter(admin_client, value, expected):
    cn, kz = CountryFactory(), CountryFactory()
    HeritageSiteFactory(name="Corridor", countries=[cn, kz])
    HeritageSiteFactory(name="Old town", countries=[cn])
    url = reverse("admin:heritage_heritagesite_changelist")
    response = admin_client.get(url, {"transboundary": value})
    assert [site.name for site in response.context["cl"].result_list] == expected
