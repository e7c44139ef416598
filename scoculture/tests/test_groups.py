import pytest
from django.contrib.auth.models import Group

from scoculture.permissions import EDITORS, REPORTING_STAFF

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_editors_add_change_view_content_but_not_users():
    perms = codenames(EDITORS)
    assert {"add_programme", "change_programme", "view_programme"} <= perms
    assert {"add_heritagesite", "change_festival", "view_country", "change_university"} <= perms
    assert not {p for p in perms if p.endswith("_user") or p.endswith("_group")}
    assert "export_data" not in perms
    # Removing a gallery photo or a route's stop is editing; deleting content is not.
    assert {p for p in perms if p.startswith("delete_")} == {"delete_photo", "delete_routestop"}
    assert {"add_route", "change_route", "add_routestop", "change_routestop"} <= perms


def test_reporting_staff_view_and_export_only():
    perms = codenames(REPORTING_STAFF)
    assert "export_data" in perms
    assert "view_programme" in perms
    assert not {p for p in perms if p.startswith(("add_", "change_", "delete_"))}


def test_editor_user_has_permissions(editor, reporter):
    assert editor.has_perm("programmes.change_programme")
    assert not editor.has_perm("auth.add_user")
    assert not editor.has_perm("scoculture.export_data")
    assert reporter.has_perm("scoculture.export_data")
    assert not reporter.has_perm("programmes.change_programme")


@pytest.mark.parametrize("group_name", [EDITORS, REPORTING_STAFF])
def test_joining_a_staff_group_grants_staff_status(django_user_model, group_name):
    by_user = django_user_model.objects.create_user(username="a")
    by_group = django_user_model.objects.create_user(username="b")
    group = Group.objects.get(name=group_name)
    by_user.groups.add(group)
    assert by_user.is_staff  # the instance in hand too, not only the row
    group.user_set.add(by_group)
    assert set(django_user_model.objects.filter(is_staff=True)) == {by_user, by_group}


def test_other_groups_grant_nothing(django_user_model):
    user = django_user_model.objects.create_user(username="a")
    user.groups.add(Group.objects.create(name="Newsletter"))
    user.refresh_from_db()
    assert not user.is_staff


def test_members_from_before_are_made_staff(django_user_model):
    from django.apps import apps

    from scoculture.permissions import make_staff_group_members_staff

    member = django_user_model.objects.create_user(username="a")
    member.groups.add(Group.objects.get(name=REPORTING_STAFF))
    outsider = django_user_model.objects.create_user(username="b")
    django_user_model.objects.update(is_staff=False)  # as the rows were before the fix
    make_staff_group_members_staff(apps)
    assert list(django_user_model.objects.filter(is_staff=True)) == [member]
    assert not django_user_model.objects.get(pk=outsider.pk).is_staff
