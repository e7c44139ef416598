"""The programmes, festivals and universities list pages: filters, facets, pagination, bad input
and query counts that do not grow with the rows."""

import pytest
from django.urls import reverse

from scoculture.models import Publishable
from scoculture.tests.helpers import card_links
from universities.tests.factories import PriorityAreaFactory, UniversityFactory

pytestmark = pytest.mark.django_db

PROGRAMMES = reverse("programmes:programme_list")
FESTIVALS = reverse("festivals:festival_list")
UNIVERSITIES = reverse("universities:university_list")


class TestUniversityList:
    def test_filters_and_cards(self, client):
        ecology = PriorityAreaFactory(slug="ecology", name="Ecology")
        member = UniversityFactory(name="Tajik National University", priority_areas=[ecology])
        UniversityFactory(sco_university_member=False, sco_university_since=None)
        UniversityFactory(status=Publishable.Status.DRAFT)
        response = client.get(UNIVERSITIES, {"member": "on", "area": "ecology"})
        assert card_links(response) == [member.get_absolute_url()]
        html = response.content.decode()
        assert "Ecology" in html and "SCO University member since 2010" in html

    @pytest.mark.parametrize("rows", [3, 30])
    def test_query_count_does_not_grow_with_rows(self, client, django_assert_num_queries, rows):
        for _ in range(rows):
            UniversityFactory(priority_areas=[PriorityAreaFactory(), PriorityAreaFactory()])
        # Choices: countries, areas; page: count, rows (countries joined: 10 while they were a
        # query), areas, lead photos, locator maps; facet: country; when the content
        # generation ends (its first request).
        with django_assert_num_queries(9):
            response = client.get(UNIVERSITIES, {"q": "university"})
        assert len(card_links(response)) == min(rows, 24)
