"""Schemathesis against the served OpenAPI schema: generated requests to every operation find
no server error and no response that breaks the schema, on SQLite and on PostgreSQL.

Deterministic (derandomized, so a failure repeats) and small (max_examples per operation):
a guard in the suite, not a fuzzing campaign.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import FieldOfStudyFactory, LanguageFactory, ProgrammeFactory
from routes.tests.factories import CityStopFactory, RouteFactory, site_stop
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT, days, scheduled
from universities.tests.factories import PriorityAreaFactory, UniversityFactory

MAX_EXAMPLES = 20
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]


# The schema as any client fetches it, at its stable URL (no database is needed to build it).
# Django's WSGI handler itself: importing scoculture.wsgi would run django.setup() a second
# time, which adds the logging filters a second time.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema.json", WSGIHandler())


@pytest.fixture
def records(db, settings):
    """Records of every kind for the generated requests to find (drafts too, which must not)."""
    settings.OPEN_DATA_RATE_LIMIT = None  # the throttle has its own test
    kz = CountryFactory(slug="kz", name="Kazakhstan", name_ru="Казахстан")
    CountryFactory(slug="hidden", **DRAFT)
    site = HeritageSiteFactory(
        slug="silk", countries=[kz], latitude="43.1", longitude="76.9", alternate_names="A\nB"
    )
    HeritageSiteFactory(slug="no-coordinates", year_inscribed=None, criteria="")
    university = UniversityFactory(
        slug="kaznu",
        country=kz,
        priority_areas=[PriorityAreaFactory(slug="ecology")],
        latitude="43.2220",
        longitude="76.9216",
    )
    UniversityFactory(slug="no-coordinates")
    ProgrammeFactory(
        slug="exchange",
        host_country=kz,
        host_universities=[university],
        heritage_sites=[site],
        fields_of_study=[FieldOfStudyFactory(slug="history")],
        languages=[LanguageFactory(code="ru", slug="russian")],
        funding="full",
    )
    ProgrammeFactory(slug="rolling", application_deadline=None, start_date=None, end_date=None)
    ProgrammeFactory(slug="draft", **DRAFT)
    FestivalFactory(
        slug="fest",
        host_country=kz,
        heritage_sites=[site],
        website="https://a.kz",
        latitude="43.24",
        longitude="76.95",
    )
    FestivalFactory(slug="past", start_date=days(-20), end_date=None)
    FestivalFactory(slug="soon", **scheduled())
    route = RouteFactory(slug="steppe")
    site_stop(route, site, 1)
    CityStopFactory(route=route, country=kz)
    RouteFactory(slug="empty")
    # Schemathesis calls the WSGI application itself, whose request signals would close the
    # connection holding the test's transaction (PostgreSQL); Django's test client does this.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_honours_its_schema(case, records):
    case.call_and_validate(checks=CHECKS)
