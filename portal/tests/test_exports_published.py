"""Exports say what they show: a related column lists published records only, never a draft
or a scheduled one, whatever the export's own status."""

import pytest
from django.urls import reverse
from django.utils import timezone

from exports.exporters import exporters
from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from reports.exports import (
    CooperationMatrix,
    FestivalsByCountryYear,
    HeritageByCountryCategory,
    PlacesByCountryYear,
    ProgrammesByCountryKind,
    StaleContent,
)
from scoculture.models import Publishable
from scoculture.tests.csvfiles import read_export
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import DRAFT
from universities.tests.factories import PriorityAreaFactory, UniversityFactory

pytestmark = pytest.mark.django_db


def scheduled():
    return {"published_at": timezone.now() + timezone.timedelta(days=3)}


def three(factory, label, **kwargs):
    """A published, a draft and a scheduled record: only the first may be exported."""
    return [
        factory(**{label: f"Public {label}"}, **kwargs),
        factory(**{label: f"Draft {label}"}, **DRAFT, **kwargs),
        factory(**{label: f"Scheduled {label}"}, **scheduled(), **kwargs),
    ]


def countries():
    return three(CountryFactory, "name")


def export(client, url_name, status):
    response = client.get(reverse(url_name) + f"?status={status}")
    assert response.status_code == 200
    header, *rows = read_export(b"".join(response.streaming_content))
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


# (exporter identifier, column header): every related column to content, tested below.
TESTED = {
    ("programmes", "Partner countries"),
    ("programmes", "Host universities"),
    ("programmes", "Related heritage sites"),
    ("festivals", "Participating countries"),
    ("festivals", "Related heritage sites"),
    ("heritage-sites", "Countries"),
}


def test_every_related_column_to_content_has_its_test():
    found = set()
    for identifier, exporter_class in exporters().items():
        for column in getattr(exporter_class, "columns", []):
            field = exporter_class.model._meta.get_field(column.path.split("__")[0])
            if field.many_to_many and issubclass(field.related_model, Publishable):
                found.add((identifier, str(column.header)))
    assert found == TESTED


@pytest.mark.parametrize("status", ["published", "all"])
def test_programmes_export_names_published_related_records_only(reporter_client, status):
    sites = three(HeritageSiteFactory, "name")
    universities = three(UniversityFactory, "name")
    ProgrammeFactory(
        partner_countries=countries(), host_universities=universities, heritage_sites=sites
    )
    [row] = export(reporter_client, "programmes:programme_export", status)
    assert row["Partner countries"] == "Public name"
    assert row["Host universities"] == "Public name"
    assert row["Related heritage sites"] == "Public name"


@pytest.mark.parametrize("status", ["published", "all"])
def test_festivals_export_names_published_related_records_only(reporter_client, status):
    FestivalFactory(
        participating_countries=countries(), heritage_sites=three(HeritageSiteFactory, "name")
    )
    [row] = export(reporter_client, "festivals:festival_export", status)
    assert row["Participating countries"] == "Public name"
    assert row["Related heritage sites"] == "Public name"


@pytest.mark.parametrize("status", ["published", "all"])
def test_heritage_export_names_published_countries_only(reporter_client, status):
    HeritageSiteFactory(countries=countries())
    [row] = export(reporter_client, "heritage:site_export", status)
    assert row["Countries"] == "Public name"


def test_universities_export_keeps_its_vocabulary_column(reporter_client):
    """Priority areas have no publication state: all of them are listed."""
    UniversityFactory(priority_areas=[PriorityAreaFactory(name="Ecology")])
    [row] = export(reporter_client, "universities:university_export", "published")
    assert row["Priority areas"] == "Ecology"


def report_names(report):
    header, rows = report.table
    return {str(cell) for row in rows for cell in row[:3]}


def test_cross_tab_reports_never_name_an_unpublished_country():
    public, draft, later = countries()
    past = timezone.localdate() - timezone.timedelta(days=400)
    for host in (public, draft, later):
        ProgrammeFactory(
            host_country=host,
            kind=Programme.Kind.SCHOLARSHIP,
            places=5,
            start_date=past,
            end_date=past,
            application_deadline=past,
        )
        FestivalFactory(host_country=host, start_date=past, end_date=past)
    HeritageSiteFactory(countries=[public, draft, later])
    for report_class in (
        ProgrammesByCountryKind,
        FestivalsByCountryYear,
        HeritageByCountryCategory,
        PlacesByCountryYear,
    ):
        header, rows = report_class().table
        by_country = {row[0]: row[-1] for row in rows}
        # The content still counts, under one row that says what it is.
        assert by_country == {
            "Public name": 5 if report_class is PlacesByCountryYear else 1,
            "(unpublished country)": 10 if report_class is PlacesByCountryYear else 2,
        }, report_class
    stale = report_names(StaleContent())
    assert "(unpublished country)" in stale
    assert not {"Draft name", "Scheduled name"} & stale


def test_cooperation_matrix_pairs_published_countries_only():
    public, draft, later = countries()
    other = CountryFactory(name="Other")
    ProgrammeFactory(host_country=public, partner_countries=[draft, later, other])
    FestivalFactory(host_country=draft, participating_countries=[public, later, other])
    header, rows = CooperationMatrix().table
    assert [row[:2] for row in rows] == [["Other", "Public name"]]
    assert rows[0][2:] == [1, 1, 2]
