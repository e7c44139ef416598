"""The programmes, festivals and universities FilterSets: each filter narrows exactly."""

import pytest
from django.utils import timezone

from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import result
from universities.filters import UniversityFilter
from universities.tests.factories import PriorityAreaFactory, UniversityFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


class TestUniversityFilter:
    def test_text_country_member_area(self):
        kz = CountryFactory(slug="kz")
        ecology = PriorityAreaFactory(slug="ecology")
        UniversityFactory(
            slug="enu",
            name="Eurasian National University",
            country=kz,
            priority_areas=[ecology, PriorityAreaFactory()],
        )
        UniversityFactory(
            slug="other", sco_university_member=False, sco_university_since=None, city="Almaty"
        )
        assert result(UniversityFilter, q="eurasian") == ["enu"]
        assert result(UniversityFilter, q="almaty") == ["other"]
        assert result(UniversityFilter, country="kz") == ["enu"]
        assert result(UniversityFilter, member="on") == ["enu"]
        assert result(UniversityFilter, area="ecology") == ["enu"]
        facets = {f.name: f for f in UniversityFilter({"member": "on"}).facets}
        assert {c.value: c.count for c in facets["country"].choices if c.count} == {"kz": 1}


def test_sort_by_name_or_country():
    UniversityFactory(name="Alpha", country=CountryFactory(name="Uzbekistan"))
    UniversityFactory(name="Beta", country=CountryFactory(name="China"))
    assert [u.name for u in UniversityFilter().qs] == ["Alpha", "Beta"]
    assert [u.name for u in UniversityFilter({"sort": "country"}).qs] == ["Beta", "Alpha"]
