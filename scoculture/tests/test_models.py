import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from heritage.models import HeritageSite
from heritage.tests.factories import HeritageSiteFactory
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Country, Publishable
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db


def assert_integrity_error(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


class TestPublished:
    def test_published_excludes_drafts_and_scheduled(self):
        visible = ProgrammeFactory()
        ProgrammeFactory(status=Publishable.Status.DRAFT)
        ProgrammeFactory(published_at=timezone.now() + timezone.timedelta(days=3))
        assert list(Programme.objects.published()) == [visible]

    def test_publishing_without_date_stamps_now(self):
        country = CountryFactory(status=Publishable.Status.DRAFT, published_at=None)
        assert country.published_at is None
        country.status = Publishable.Status.PUBLISHED
        country.save()
        assert country.published_at is not None
        assert country.is_published
        assert Country.objects.published().filter(pk=country.pk).exists()


class TestDatabaseConstraints:
    def test_end_before_start_is_refused(self):
        programme = ProgrammeFactory()
        programme.end_date = programme.start_date - datetime.timedelta(days=1)
        assert_integrity_error(programme.save)

    def test_festival_end_before_start_is_refused(self):
        festival = FestivalFactory()
        Festival.objects.filter(pk=festival.pk)
        festival.end_date = datetime.date(2000, 1, 1)
        assert_integrity_error(festival.save)

    @pytest.mark.parametrize("factory", [HeritageSiteFactory, UniversityFactory, FestivalFactory])
    @pytest.mark.parametrize("field,value", [("latitude", 91), ("longitude", -181)])
    def test_coordinates_out_of_range_are_refused(self, factory, field, value):
        row = factory(latitude=40, longitude=70)
        setattr(row, field, value)
        assert_integrity_error(row.save)

    def test_inscription_before_1978_is_refused(self):
        site = HeritageSiteFactory()
        site.year_inscribed = 1970
        assert_integrity_error(site.save)

    def test_slugs_are_unique(self):
        ProgrammeFactory(slug="same")
        assert_integrity_error(lambda: ProgrammeFactory(slug="same"))

    def test_country_codes_are_unique_and_iso(self):
        CountryFactory(code="UZ", slug="uzbekistan")
        assert_integrity_error(
            lambda: Country.objects.create(name="X", slug="x", code="UZ", sco_status="member")
        )
        assert_integrity_error(
            lambda: Country.objects.create(name="Y", slug="y", code="uz", sco_status="member")
        )

    def test_unesco_reference_unique_when_given(self):
        HeritageSiteFactory(unesco_reference="603rev")
        assert_integrity_error(lambda: HeritageSiteFactory(unesco_reference="603rev"))
        # Sites without a reference (tentative or unlisted) may be several.
        HeritageSiteFactory(unesco_reference="", unesco_status=HeritageSite.UNESCOStatus.TENTATIVE)
        HeritageSiteFactory(unesco_reference="", unesco_status=HeritageSite.UNESCOStatus.TENTATIVE)

    def test_membership_year_needs_membership(self):
        assert_integrity_error(
            lambda: UniversityFactory(sco_university_member=False, sco_university_since=2012)
        )


class TestValidationMessages:
    def test_deadline_after_end(self):
        programme = ProgrammeFactory.build(
            host_country=CountryFactory(),
            end_date=datetime.date(2027, 6, 1),
            application_deadline=datetime.date(2027, 7, 1),
        )
        with pytest.raises(ValidationError) as error:
            programme.full_clean()
        assert error.value.message_dict["application_deadline"] == [
            "The application deadline cannot be after the end date."
        ]

    def test_end_before_start(self):
        festival = FestivalFactory.build(
            host_country=CountryFactory(),
            start_date=datetime.date(2027, 6, 10),
            end_date=datetime.date(2027, 6, 1),
        )
        with pytest.raises(ValidationError) as error:
            festival.full_clean()
        assert (
            "The end date cannot be before the start date." in error.value.message_dict["end_date"]
        )

    def test_criteria_must_match_category(self):
        site = HeritageSiteFactory.build(criteria="(vii)(x)", category="cultural")
        with pytest.raises(ValidationError) as error:
            site.full_clean()
        assert "make a natural site" in error.value.message_dict["category"][0]

    def test_criteria_notation(self):
        site = HeritageSiteFactory.build(criteria="ii, iii")
        with pytest.raises(ValidationError) as error:
            site.full_clean()
        assert error.value.message_dict["criteria"] == ["Write criteria as (ii)(iii)(vi)."]

    def test_inscribed_needs_year_and_coordinates_come_in_pairs(self):
        site = HeritageSiteFactory.build(year_inscribed=None, latitude=40)
        with pytest.raises(ValidationError) as error:
            site.full_clean()
        assert set(error.value.message_dict) >= {"year_inscribed", "longitude"}

    @pytest.mark.parametrize("factory", [UniversityFactory, FestivalFactory])
    def test_coordinates_come_in_pairs_and_in_range(self, factory):
        row = factory.build(latitude=40, longitude=None)
        with pytest.raises(ValidationError) as error:
            row.full_clean(exclude=["slug", "host_country", "country"])
        assert error.value.message_dict["longitude"] == [
            "Give both latitude and longitude, or neither."
        ]
        row.latitude, row.longitude = 40, 200
        with pytest.raises(ValidationError) as error:
            row.full_clean(exclude=["slug", "host_country", "country"])
        assert list(error.value.message_dict) == ["longitude"]

    def test_a_festival_lists_its_date_and_coordinate_errors_together(self):
        festival = FestivalFactory.build(
            start_date=datetime.date(2030, 5, 2), end_date=datetime.date(2030, 5, 1), latitude=1
        )
        with pytest.raises(ValidationError) as error:
            festival.full_clean(exclude=["slug", "host_country"])
        assert set(error.value.message_dict) >= {"end_date", "longitude"}

    def test_valid_site_passes(self):
        site = HeritageSiteFactory.build(criteria="(ii)(iii)(v)(vi)", category="cultural")
        site.full_clean(exclude=["slug"])
        assert site.criteria_list == ["ii", "iii", "v", "vi"]


class TestQuerysets:
    def test_involving_country_counts_each_programme_once(self):
        kz = CountryFactory(code="KZ")
        ProgrammeFactory(host_country=kz, partner_countries=[kz, CountryFactory(code="KG")])
        assert Programme.objects.involving_country(kz.slug).count() == 1
        assert Programme.objects.all().country_counts()[kz.slug] == 1

    def test_country_counts_are_of_these_rows_hosts_and_other_guests(self):
        kz, kg, cn = (CountryFactory(code=code) for code in ("KZ", "KG", "CN"))
        ProgrammeFactory(host_country=kz, partner_countries=[kz, kg], kind="volunteering")
        ProgrammeFactory(host_country=cn, partner_countries=[kz], kind="volunteering")
        ProgrammeFactory(host_country=kg, partner_countries=[cn], kind="summer_school")
        counts = Programme.objects.filter(kind="volunteering").country_counts()
        assert counts == {kz.slug: 2, kg.slug: 1, cn.slug: 1}

    def test_the_guests_are_counted_in_one_join_with_the_rows(self):
        """Two conditions, among these rows and not their host, joined the million programmes
        twice with their two million partners (1.4 to 1.7 s; one semi-join, 0.7 to 0.8 s)."""
        ProgrammeFactory(partner_countries=[CountryFactory()])
        with CaptureQueriesContext(connection) as queries:
            Programme.objects.filter(kind="volunteering").country_counts()
        (guests,) = [q["sql"] for q in queries if "partner_countries" in q["sql"]]
        assert guests.count('"programmes_programme"') == 1, guests

    def test_deadline_state(self):
        today = timezone.localdate()
        assert ProgrammeFactory.build(application_deadline=None).deadline_state == "rolling"
        soon = ProgrammeFactory.build(application_deadline=today + datetime.timedelta(days=5))
        assert soon.deadline_state == "closing_soon"
        later = ProgrammeFactory.build(application_deadline=today + datetime.timedelta(days=90))
        assert later.deadline_state == "open"
        past = ProgrammeFactory.build(application_deadline=today - datetime.timedelta(days=1))
        assert past.deadline_state == "closed"

    def test_upcoming_and_past_festivals(self):
        today = timezone.localdate()
        running = FestivalFactory(start_date=today - datetime.timedelta(days=2), end_date=today)
        over = FestivalFactory(
            start_date=today - datetime.timedelta(days=9), end_date=today - datetime.timedelta(1)
        )
        assert list(Festival.objects.upcoming()) == [running]
        assert list(Festival.objects.past()) == [over]

    def test_transboundary(self):
        corridor = HeritageSiteFactory(
            countries=[
                CountryFactory(code="CN"),
                CountryFactory(code="KZ"),
                CountryFactory(code="KG"),
            ]
        )
        HeritageSiteFactory()
        assert list(HeritageSite.objects.transboundary()) == [corridor]


class TestPublicationWindow:
    def test_expired_records_are_not_published(self):
        now = timezone.now()
        live = CountryFactory(expire_at=now + timezone.timedelta(hours=1))
        expired = CountryFactory(expire_at=now - timezone.timedelta(seconds=1))
        assert list(Country.objects.published()) == [live]
        assert live.is_published
        assert not expired.is_published

    def test_expiry_must_follow_publication(self):
        now = timezone.now()
        country = CountryFactory.build(published_at=now, expire_at=now)
        with pytest.raises(ValidationError) as error:
            country.full_clean()
        assert "expire_at" in error.value.message_dict
