"""History and undo: every admin change is a version (links and languages included), any two
versions compare field by field, a revert is a new version, a deleted record comes back from
the recycle bin until purge_history clears it after 30 days."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Revision, Version

from heritage.tests.factories import HeritageSiteFactory
from photos.tests.admin_form import form_data
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Country, Publishable
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def admin_url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


def save_in_admin(client, obj, **changes):
    """Open the change form, change what `changes` says, and save; returns the response."""
    url = change_url(obj)
    data = form_data(client.get(url).content.decode())
    data.update(changes)
    return client.post(url, data)


def versions(obj):
    return list(Version.objects.get_for_object(obj).select_related("revision__user"))


def test_an_admin_save_is_a_version_with_links_and_every_language(admin_client, admin_user):
    kz, uz = CountryFactory(code="KZ"), CountryFactory(code="UZ")
    programme = ProgrammeFactory(title_en="Silk Road School", partner_countries=[kz])
    response = save_in_admin(
        admin_client,
        programme,
        title_ru="Школа Шёлкового пути",
        title_zh_hans="丝绸之路学校",
        partner_countries=[str(kz.pk), str(uz.pk)],
    )
    assert response.status_code == 302

    (version,) = versions(programme)
    fields = version.field_dict
    assert fields["title_en"] == "Silk Road School"
    assert fields["title_ru"] == "Школа Шёлкового пути"
    assert fields["title_zh_hans"] == "丝绸之路学校"
    assert sorted(fields["partner_countries"]) == sorted([kz.pk, uz.pk])
    assert version.revision.user == admin_user
    assert "Title [ru]" in version.revision.get_comment()


def test_history_compares_two_versions_field_by_field(admin_client):
    kz, uz = (
        CountryFactory(code="KZ", name="Kazakhstan"),
        CountryFactory(code="UZ", name="Uzbekistan"),
    )
    programme = ProgrammeFactory(title_en="Silk Road School", partner_countries=[kz])
    save_in_admin(admin_client, programme, title_ru="Школа")
    save_in_admin(
        admin_client,
        programme,
        title_en="Silk Road Summer School",
        partner_countries=[str(kz.pk), str(uz.pk)],
    )
    newer, older = versions(programme)

    history = admin_client.get(admin_url(programme, "history"))
    assert history.status_code == 200
    page = history.content.decode()
    assert admin_url(programme, "revision", newer.pk) in page
    assert f'name="a" value="{older.pk}"' in page

    response = admin_client.get(admin_url(programme, "compare"), {"a": older.pk, "b": newer.pk})
    assert response.status_code == 200
    rows = {change.label: change for change in response.context["changes"]}
    assert set(rows) == {"title [en]", "partner countries"}
    assert "<ins>Summer </ins>" in rows["title [en]"].new
    assert rows["partner countries"].old == "Kazakhstan"
    assert rows["partner countries"].new == "Kazakhstan, Uzbekistan"


@pytest.mark.parametrize(
    "params", [{}, {"a": "x", "b": "1"}, {"a": "1"}], ids=["none", "not-a-number", "one"]
)
def test_compare_without_two_versions_is_a_400(admin_client, params):
    programme = ProgrammeFactory()
    assert admin_client.get(admin_url(programme, "compare"), params).status_code == 400


def test_compare_with_another_records_version_is_a_404(admin_client):
    mine, other = ProgrammeFactory(), ProgrammeFactory()
    save_in_admin(admin_client, mine)
    save_in_admin(admin_client, other)
    (own,), (foreign,) = versions(mine), versions(other)
    response = admin_client.get(admin_url(mine, "compare"), {"a": own.pk, "b": foreign.pk})
    assert response.status_code == 404


@pytest.mark.parametrize("count", [2, 20])
def test_history_page_costs_the_same_whatever_the_number_of_versions(
    admin_client, django_assert_num_queries, count
):
    programme = ProgrammeFactory()
    for number in range(count):
        save_in_admin(admin_client, programme, title_en=f"Edition {number}")
    assert len(versions(programme)) == count
    # session, user, the record and its lead photo, one page of versions and their count,
    # the count of Django's log entries (unused)
    with django_assert_num_queries(7):
        response = admin_client.get(admin_url(programme, "history"))
    assert response.status_code == 200
    assert response.content.decode().count('name="b"') == count


def test_revert_restores_values_links_and_languages_as_a_new_version(admin_client):
    kz, uz = CountryFactory(code="KZ"), CountryFactory(code="UZ")
    programme = ProgrammeFactory(
        title_en="Silk Road School", title_ru="Школа", partner_countries=[kz]
    )
    save_in_admin(admin_client, programme)
    save_in_admin(
        admin_client,
        programme,
        title_en="Wrong title",
        title_ru="Ошибка",
        partner_countries=[str(uz.pk)],
    )
    first = versions(programme)[-1]

    # The revert form shows the old version; saving it makes it current, as a new version.
    url = admin_url(programme, "revision", first.pk)
    with translation.override("ru"):
        page = admin_client.get(url)
        assert page.status_code == 200
        response = admin_client.post(url, form_data(page.content.decode()))
    assert response.status_code == 302

    programme.refresh_from_db()
    assert (programme.title_en, programme.title_ru) == ("Silk Road School", "Школа")
    assert list(programme.partner_countries.all()) == [kz]
    latest = versions(programme)
    assert len(latest) == 3
    assert "Reverted to previous version" in latest[0].revision.comment
    assert latest[0].field_dict["title_en"] == "Silk Road School"


def test_opening_an_old_version_changes_nothing(admin_client):
    programme = ProgrammeFactory(title_en="Silk Road School")
    save_in_admin(admin_client, programme)
    save_in_admin(admin_client, programme, title_en="New title")
    first = versions(programme)[-1]
    assert admin_client.get(admin_url(programme, "revision", first.pk)).status_code == 200
    programme.refresh_from_db()
    assert programme.title_en == "New title"
    assert len(versions(programme)) == 2


def test_a_deleted_record_is_recovered_from_the_recycle_bin(admin_client, admin_user):
    site = HeritageSiteFactory(name_en="Samarkand", name_ru="Самарканд")
    countries = list(site.countries.all())
    save_in_admin(admin_client, site)
    delete = admin_client.post(admin_url(site, "delete"), {"post": "yes"})
    assert delete.status_code == 302
    pk = site.pk
    assert not type(site).objects.filter(pk=pk).exists()

    deletion = versions(site)[0]
    assert deletion.revision.comment == "Deleted"
    assert deletion.revision.user == admin_user
    recover_list = reverse("admin:heritage_heritagesite_recoverlist")
    assert "Samarkand" in admin_client.get(recover_list).content.decode()

    url = reverse("admin:heritage_heritagesite_recover", args=[deletion.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert admin_client.post(url, form_data(page.content.decode())).status_code == 302
    recovered = type(site).objects.get(pk=pk)
    assert (recovered.name_en, recovered.name_ru) == ("Samarkand", "Самарканд")
    assert list(recovered.countries.all()) == countries


def test_the_changelist_links_the_recycle_bin_and_keeps_the_export(admin_client):
    page = admin_client.get(reverse("admin:programmes_programme_changelist")).content.decode()
    assert reverse("admin:programmes_programme_recoverlist") in page
    assert reverse("admin:programmes_programme_export") in page


@pytest.mark.parametrize(
    ("action", "before", "after", "comment"),
    [
        ("publish", Publishable.Status.DRAFT, Publishable.Status.PUBLISHED, "Published"),
        ("unpublish", Publishable.Status.PUBLISHED, Publishable.Status.DRAFT, "Unpublished"),
    ],
)
def test_publishing_actions_make_a_revision_of_each_record(
    admin_client, admin_user, action, before, after, comment
):
    changed = [CountryFactory(code=code, status=before) for code in ("KZ", "UZ")]
    untouched = CountryFactory(code="CN", status=after)
    response = admin_client.post(
        reverse("admin:scoculture_country_changelist"),
        {"action": action, "_selected_action": [c.pk for c in (*changed, untouched)]},
    )
    assert response.status_code == 302
    revisions = set()
    for country in changed:
        (version,) = versions(country)
        assert version.field_dict["status"] == after
        assert version.revision.comment == comment
        assert version.revision.user == admin_user
        revisions.add(version.revision_id)
    # One revision per record: reverting one must not revert the other.
    assert len(revisions) == 2
    assert versions(untouched) == []


def test_publishing_costs_a_fixed_number_of_queries_per_page(
    admin_client, django_assert_max_num_queries
):
    url = reverse("admin:programmes_programme_changelist")

    def publish(count):
        drafts = [ProgrammeFactory(status=Programme.Status.DRAFT) for _ in range(count)]
        data = {"action": "publish", "_selected_action": [p.pk for p in drafts]}
        with django_assert_max_num_queries(40) as captured:
            assert admin_client.post(url, data).status_code == 302
        return len(captured)

    assert publish(2) == publish(8)


class TestPurgeHistory:
    def delete_in_admin(self, client, country):
        assert client.post(admin_url(country, "delete"), {"post": "yes"}).status_code == 302

    def test_deleted_records_versions_go_after_30_days_others_stay(self, admin_client):
        live, old, recent = (CountryFactory(code=code) for code in ("KZ", "UZ", "CN"))
        long_ago = timezone.now() - datetime.timedelta(days=31)
        with time_machine.travel(long_ago, tick=False):
            for country in (live, old, recent):
                save_in_admin(admin_client, country)
            self.delete_in_admin(admin_client, old)
        with time_machine.travel(timezone.now() - datetime.timedelta(days=29), tick=False):
            self.delete_in_admin(admin_client, recent)

        call_command("purge_history", verbosity=0)

        assert versions(old) == []
        assert len(versions(recent)) == 2  # the last save and the deletion
        assert len(versions(live)) == 1  # a live record keeps all its history
        assert not Revision.objects.filter(version__isnull=True).exists()
        assert Country.objects.filter(pk=live.pk).exists()

    def test_days_option(self, admin_client):
        country = CountryFactory(code="KZ")
        with time_machine.travel(timezone.now() - datetime.timedelta(days=8), tick=False):
            self.delete_in_admin(admin_client, country)
        call_command("purge_history", days=30, verbosity=0)
        assert len(versions(country)) == 1
        call_command("purge_history", days=7, verbosity=0)
        assert versions(country) == []
