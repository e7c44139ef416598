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
    # Removing a gallery photo is editing; deleting content is not.
    assert {p for p in perms if p.startswith("delete_")} == {"delete_photo"}


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
