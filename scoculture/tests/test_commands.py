import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_admin_creates_once_and_never_resets(capsys, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    call_command("ensure_admin")
    first = capsys.readouterr().out
    assert "Created admin account 'admin'" in first
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("changed-by-editor")
    admin.save()

    call_command("ensure_admin")
    assert "password is unchanged" in capsys.readouterr().out
    admin.refresh_from_db()
    assert admin.check_password("changed-by-editor")


def test_ensure_admin_takes_password_from_environment(capsys, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-from-env")
    call_command("ensure_admin")
    assert "s3cret-from-env" not in capsys.readouterr().out
    assert get_user_model().objects.get(username="admin").check_password("s3cret-from-env")
