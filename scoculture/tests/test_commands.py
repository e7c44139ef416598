import subprocess

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


def test_ensure_admin_prints_the_address_the_site_runs_at(capsys):
    call_command("ensure_admin", site_url="http://127.0.0.1:8123/")
    assert "Log in at http://127.0.0.1:8123/admin/" in capsys.readouterr().out
    call_command("ensure_admin", site_url="http://127.0.0.1:8123")
    assert "Log in at http://127.0.0.1:8123/admin/" in capsys.readouterr().out


def test_make_run_passes_its_host_and_port_on(settings):
    plan = subprocess.run(
        ["make", "-n", "run", "HOST=0.0.0.0", "PORT=8123"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "ensure_admin --site-url http://0.0.0.0:8123" in plan
    assert "runserver 0.0.0.0:8123" in plan
