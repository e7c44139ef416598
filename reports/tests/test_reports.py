"""The summary reports: who may see them, and numbers that match a count made another way."""

import datetime
from collections import Counter
from itertools import combinations

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from heritage.models import HeritageSite
from heritage.tests.factories import HeritageSiteFactory
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from reports.exports import (
    REPORTS,
    CooperationMatrix,
    FestivalsByCountryYear,
    HeritageByCountryCategory,
    PlacesByCountryYear,
    ProgrammesByCountryKind,
    StaleContent,
)
from reports.views import BY_SLUG
from scoculture.models import Publishable
from scoculture.tests.csvfiles import read_export
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def day(offset):
    """A date `offset` days from TODAY: the fixture moves with the calendar."""
    return TODAY + datetime.timedelta(days=offset)


@pytest.fixture
def world():
    """A few countries and content with overlaps, drafts and missing values."""
    cn, ru, kz, uz = (
        CountryFactory(name=name, code=code)
        for name, code in (
            ("China", "CN"),
            ("Russia", "RU"),
            ("Kazakhstan", "KZ"),
            ("Uzbekistan", "UZ"),
        )
    )
    closed = {"application_deadline": day(-61), "start_date": day(62), "end_date": day(365)}
    ProgrammeFactory(
        host_country=cn, partner_countries=[ru, kz], kind="scholarship", places=10, **closed
    )
    # The host listed again as a partner must not count the pair twice.
    ProgrammeFactory(host_country=cn, partner_countries=[cn, ru], places=None, **closed)
    ProgrammeFactory(
        host_country=ru,
        partner_countries=[uz],
        start_date=day(428),
        end_date=None,
        application_deadline=day(-122),
        places=5,
    )
    ProgrammeFactory(
        host_country=kz, start_date=None, end_date=None, application_deadline=day(-61), places=7
    )
    ProgrammeFactory(host_country=cn, status=Publishable.Status.DRAFT, places=1000, **closed)
    FestivalFactory(
        host_country=cn,
        participating_countries=[ru, kz, uz],
        start_date=day(-21),
        end_date=day(-16),
    )
    FestivalFactory(
        host_country=ru,
        participating_countries=[cn],
        kind="film_festival",
        start_date=day(-426),
        end_date=day(-420),
    )
    FestivalFactory(
        host_country=ru,
        kind="music",
        start_date=day(-61),
        end_date=day(-55),
    )
    FestivalFactory(host_country=uz, start_date=day(-546), end_date=None)
    FestivalFactory(host_country=kz, start_date=None, end_date=None)
    FestivalFactory(host_country=uz, status=Publishable.Status.DRAFT)
    HeritageSiteFactory(countries=[cn, kz], category="cultural")
    HeritageSiteFactory(countries=[uz], category="natural", criteria="(vii)")
    HeritageSiteFactory(countries=[kz], category="mixed", criteria="(iii)(ix)")
    HeritageSiteFactory(countries=[cn], status=Publishable.Status.DRAFT)


def as_dict(report):
    """{(row label, column title): value} from the report's own rows."""
    header, rows = report.table
    return {
        (row[0], title): value
        for row in rows
        for title, value in zip(header, row, strict=True)
        if title
    }


def cross_tab_in_python(objects, countries_of, key_of, weight=lambda obj: 1):
    counts = Counter()
    for obj in objects:
        for country in countries_of(obj):
            counts[country.name, key_of(obj)] += weight(obj) or 0
    return counts


def check_cross_tab(report, expected, label_of=str):
    table = as_dict(report)
    for (country, key), value in expected.items():
        assert table[country, label_of(key)] == value
    header, rows = report.table
    # Nothing more in the table than the loop found, and the totals add up.
    assert sum(sum(row[1:-1]) for row in rows) == sum(expected.values())
    assert all(sum(row[1:-1]) == row[-1] for row in rows)


def test_programmes_by_country_and_kind(world, django_assert_max_num_queries):
    expected = cross_tab_in_python(
        Programme.objects.published(), lambda p: [p.host_country], lambda p: p.kind
    )
    with django_assert_max_num_queries(2):
        report = ProgrammesByCountryKind()
        assert report.table
    check_cross_tab(report, expected, lambda kind: str(Programme.Kind(kind).label))


def test_festivals_by_country_and_year(world):
    expected = cross_tab_in_python(
        Festival.objects.published(),
        lambda f: [f.host_country],
        lambda f: f.start_date.year if f.start_date else None,
    )
    check_cross_tab(
        FestivalsByCountryYear(), expected, lambda y: "no date" if y is None else str(y)
    )


def test_heritage_by_country_and_category(world):
    expected = cross_tab_in_python(
        HeritageSite.objects.published(), lambda s: s.countries.all(), lambda s: s.category
    )
    check_cross_tab(
        HeritageByCountryCategory(),
        expected,
        lambda c: str(HeritageSite.Category(c).label),
    )


def test_places_by_country_and_year(world):
    expected = cross_tab_in_python(
        Programme.objects.published(),
        lambda p: [p.host_country],
        lambda p: p.start_date.year if p.start_date else None,
        weight=lambda p: p.places,
    )
    report = PlacesByCountryYear()
    check_cross_tab(report, expected, lambda y: "no date" if y is None else str(y))
    assert sum(row[-1] for row in report.table[1]) == 10 + 5 + 7  # no draft, no unknowns


def test_cooperation_matrix(world, django_assert_max_num_queries):
    expected = Counter()
    for model, partners in (
        (Programme, "partner_countries"),
        (Festival, "participating_countries"),
    ):
        for obj in model.objects.published():
            members = {obj.host_country.name, *(c.name for c in getattr(obj, partners).all())}
            for pair in combinations(sorted(members, key=str.casefold), 2):
                expected[model, pair] += 1
    with django_assert_max_num_queries(3):
        report = CooperationMatrix()
        header, rows = report.table
    got = {(row[0], row[1]): row[2:] for row in rows}
    pairs = {pair for _model, pair in expected}
    assert set(got) == pairs
    for pair in pairs:
        programmes, festivals = expected[Programme, pair], expected[Festival, pair]
        assert got[pair] == [programmes, festivals, programmes + festivals]
    assert got["China", "Russia"] == [2, 2, 4]


def test_stale_content(world):
    report = StaleContent(today=TODAY)
    header, rows = report.table
    stale = [(row[0], row[2], row[4]) for row in rows]
    programmes = [
        ("Programme", p.host_country.name, p.application_deadline)
        for p in Programme.objects.published()
        if p.application_deadline and p.application_deadline < TODAY
    ]
    assert sorted(s for s in stale if s[0] == "Programme") == sorted(programmes)
    assert len(programmes) == 4
    # Russia's film festival is over, but a later Russian music festival is not of its kind:
    # both ended, neither has a newer edition. Uzbekistan's, without an end date, started
    # before today. The Kazakh one has no dates: not over. China's ended last fortnight.
    festivals = [(s[1], s[2]) for s in stale if s[0] != "Programme"]
    assert len(festivals) == 4
    festivals = set(festivals)
    assert festivals == {
        ("Russia", day(-420)),
        ("Russia", day(-55)),
        ("Uzbekistan", day(-546)),
        ("China", day(-16)),
    }


def test_stale_festival_with_a_newer_edition_is_not_listed():
    country = CountryFactory()
    FestivalFactory(host_country=country, start_date=day(-395), end_date=None)
    FestivalFactory(host_country=country, start_date=day(62), end_date=None)
    rows = StaleContent(today=TODAY).table[1]
    assert rows == []


# --- pages, CSV and permissions -----------------------------------------------------------


@pytest.mark.parametrize("slug", list(BY_SLUG))
def test_report_page_and_csv(client, reporter, world, slug):
    client.force_login(reporter)
    page = client.get(reverse("reports:report", args=[slug]))
    assert page.status_code == 200
    assert b"<svg" in page.content and b"<table" in page.content
    response = client.get(reverse("reports:report_csv", args=[slug]))
    assert isinstance(response, StreamingHttpResponse)
    rows = read_export(b"".join(response.streaming_content))
    report = BY_SLUG[slug]()
    assert rows[0] == [str(title) for title in report.table[0]]
    assert len(rows) == len(report.table[1]) + 1
    assert response["Content-Disposition"].startswith(f'attachment; filename="report-{slug}-')


def test_reports_cover_the_issue():
    assert len(REPORTS) == 6


@pytest.mark.parametrize(
    "url", [reverse("reports:index"), reverse("reports:report", args=["stale-content"])]
)
def test_who_may_see_reports(client, reporter, editor, admin_user, url):
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(editor)
    assert client.get(url).status_code == 403
    client.force_login(reporter)
    assert client.get(url).status_code == 200
    client.force_login(admin_user)
    assert client.get(url).status_code == 200


def test_unknown_report_is_404(client, reporter):
    client.force_login(reporter)
    assert client.get(reverse("reports:report", args=["nope"])).status_code == 404
    assert client.get(reverse("reports:report_csv", args=["nope"])).status_code == 404


def test_empty_database_reports(client, reporter):
    client.force_login(reporter)
    for slug in BY_SLUG:
        response = client.get(reverse("reports:report", args=[slug]))
        assert response.status_code == 200
        assert b"Nothing to report yet" in response.content


def test_admin_links_to_reports_only_for_those_who_may_export(client, reporter, editor):
    reports_url = reverse("reports:index")
    client.force_login(reporter)
    assert f'href="{reports_url}"' in client.get(reverse("admin:index")).content.decode()
    client.force_login(editor)
    assert f'href="{reports_url}"' not in client.get(reverse("admin:index")).content.decode()


@pytest.mark.parametrize("join", ["user.groups.add", "group.user_set.add"])
def test_a_reporting_user_made_without_staff_status_signs_in_and_downloads(
    client, django_user_model, join
):
    # The sign-in is the admin's, which admits staff only: joining the group makes one staff.
    from django.contrib.auth.models import Group

    from scoculture.permissions import REPORTING_STAFF

    user = django_user_model.objects.create_user(username="analyst", password="s3cret-pw")
    group = Group.objects.get(name=REPORTING_STAFF)
    if join == "user.groups.add":
        user.groups.add(group)
    else:
        group.user_set.add(user)
    reports_url = reverse("reports:index")
    response = client.get(reports_url)
    assert response.status_code == 302
    signed_in = client.post(
        response["Location"],
        {"username": "analyst", "password": "s3cret-pw", "next": reports_url},
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == reports_url
    assert client.get(reports_url).status_code == 200
    download = client.get(reverse("reports:report_csv", args=["stale-content"]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith("\ufeff".encode())
