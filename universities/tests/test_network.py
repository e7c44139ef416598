"""The SCO University network page: countries against priority areas."""

import re

import pytest
from django.urls import reverse

from scoculture.tests.csvfiles import read_export
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT
from universities.tests.factories import PriorityAreaFactory, UniversityFactory

pytestmark = pytest.mark.django_db

NETWORK = reverse("universities:university_network")


@pytest.fixture
def network():
    ecology = PriorityAreaFactory(name="Ecology", slug="ecology")
    energy = PriorityAreaFactory(name="Energy", slug="energy")
    kazakhstan = CountryFactory(name="Kazakhstan", slug="kazakhstan")
    hidden = CountryFactory(name="Draftlandia", slug="draftlandia", **DRAFT)
    UniversityFactory(country=kazakhstan, priority_areas=[ecology, energy])
    UniversityFactory(country=kazakhstan, priority_areas=[ecology])
    UniversityFactory(country=kazakhstan, priority_areas=[ecology], **DRAFT)
    UniversityFactory(
        country=kazakhstan,
        priority_areas=[energy],
        sco_university_member=False,
        sco_university_since=None,
    )
    UniversityFactory(country=hidden, priority_areas=[ecology])
    return kazakhstan


def cells(html):
    """{link text: link} of the matrix's numbers."""
    return {
        text: href.replace("&amp;", "&")
        for href, text in re.findall(r'<td><a href="([^"]+)"[^>]*>(\d+)</a></td>', html)
    }


def test_members_by_country_and_area_with_links_to_them(client, network):
    html = client.get(NETWORK).content.decode()
    assert "Draftlandia" not in html
    links = cells(html)
    assert set(links) == {"2", "1"}  # ecology 2, energy 1 (the draft and the non-member left out)
    listing = client.get(links["2"])
    assert len(listing.context["page_obj"].object_list) == 2


def test_every_university_on_request(client, network):
    links = cells(client.get(NETWORK, {"scope": "all"}).content.decode())
    assert set(links) == {"2"}  # ecology 2, energy 2 with the non-member


def test_the_same_table_as_csv(client, network):
    response = client.get(NETWORK, {"csv": ""})
    header, *rows = read_export(b"".join(response.streaming_content))
    assert header == ["Country", "Ecology", "Energy"]
    assert rows == [["Kazakhstan", "2", "1"]]


def test_three_queries_whatever_the_size(client, network, django_assert_num_queries):
    UniversityFactory.create_batch(5, country=network, priority_areas=[PriorityAreaFactory()])
    with django_assert_num_queries(3):
        assert client.get(NETWORK).status_code == 200
