"""The EducationalOccupationalProgram JSON-LD: the properties search engines ask for, and
only the ones we know."""

import pytest

from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from scoculture.tests.structured import json_ld
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db


def programme_ld(client, programme):
    return json_ld(client.get(programme.get_absolute_url()))["EducationalOccupationalProgram"]


def test_has_the_required_properties(client):
    country = CountryFactory(code="UZ")
    university = UniversityFactory(country=country, city="Tashkent")
    programme = ProgrammeFactory(
        host_country=country,
        host_universities=[university],
        summary="Four weeks on the caravan routes.",
        funding=Programme.Funding.FULL,
        website="https://example.uz/apply",
    )
    ld = programme_ld(client, programme)
    required = {"name", "description", "provider", "offers", "image", "url"}
    assert required <= ld.keys()
    assert {"educationalProgramMode", "applicationDeadline", "startDate"} <= ld.keys()
    (provider,) = ld["provider"]
    assert provider["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Tashkent",
        "addressCountry": "UZ",
    }
    assert ld["offers"] == {"@type": "Offer", "category": "Free", "url": "https://example.uz/apply"}
    assert ld["financialAidEligible"] == "Fully funded"
    days = (programme.end_date - programme.start_date).days + 1
    assert ld["timeToComplete"] == f"P{days}D"


def test_what_is_not_known_is_not_said(client):
    programme = ProgrammeFactory(
        start_date=None, end_date=None, funding="", website="", application_deadline=None
    )
    ld = programme_ld(client, programme)
    for unknown in ("timeToComplete", "offers", "financialAidEligible", "applicationDeadline"):
        assert unknown not in ld


def test_without_a_summary_the_description_describes_it(client):
    programme = ProgrammeFactory(summary="", description="Long text.")
    assert programme_ld(client, programme)["description"] == "Long text."
