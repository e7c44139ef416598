"""Backups: `backup` then `restore` into a fresh database gives the same public pages and photo
files; a missing, damaged or foreign backup is refused before anything changes."""

import contextlib
import json
import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from photos.tests.factories import PhotoFactory
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture.backup import MANIFEST, BackupError, restore_backup
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def demo_records():
    """A little of everything: relations, translations, a photo with its renditions."""
    country = CountryFactory(name_en="Uzbekistan", name_ru="Узбекистан", slug="uzbekistan")
    site = HeritageSiteFactory(name_en="Itchan Kala", slug="itchan-kala", countries=[country])
    university = UniversityFactory(country=country)
    programme = ProgrammeFactory(
        title_en="Silk Road summer school",
        host_country=country,
        host_universities=[university],
        heritage_sites=[site],
    )
    festival = FestivalFactory(host_country=country, heritage_sites=[site])
    PhotoFactory(content_object=site, alt_text="The walls at dusk")
    return [
        reverse("home"),
        site.get_absolute_url(),
        programme.get_absolute_url(),
        festival.get_absolute_url(),
        country.get_absolute_url(),
        university.get_absolute_url(),
        "/ru" + site.get_absolute_url()[3:],
    ]


def pages(client, urls):
    cache.clear()  # answers come from the database, not from a cached copy
    result = {}
    for url in urls:
        response = client.get(url)
        result[url] = (response.status_code, response.content.decode())
    return result


def media_files(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_restore_into_a_fresh_database_gives_the_same_pages(client, media, tmp_path):
    urls = demo_records()
    before = pages(client, urls)
    assert all(status == 200 for status, _ in before.values())
    assert "The walls at dusk" in before[urls[1]][1]  # the photo is on the page
    files = media_files(media)
    assert len(files) > 1  # the original and its renditions

    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    manifest = json.loads((tmp_path / "backup" / MANIFEST).read_text())
    assert manifest["engine"] == connection.vendor.replace("sqlite", "sqlite3")
    assert "0001_initial" in manifest["migrations"]["programmes"]

    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    assert all(status == 404 for status, _ in pages(client, urls[1:]).values())

    call_command("restore", str(tmp_path / "backup"), interactive=False, verbosity=0)
    assert pages(client, urls) == before
    assert media_files(media) == files


def test_restore_drops_what_was_added_after_the_backup(client, media, tmp_path):
    ProgrammeFactory(title_en="Kept")
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    ProgrammeFactory(title_en="Added later")
    (media / "stray.txt").write_text("not in the backup")
    call_command("restore", str(tmp_path / "backup"), interactive=False, verbosity=0)
    assert list(Programme.objects.values_list("title_en", flat=True)) == ["Kept"]
    assert not (media / "stray.txt").exists()


@pytest.fixture
def backup(media, tmp_path):
    """A good backup, then a change the tests expect a refused restore to keep."""
    PhotoFactory()
    ProgrammeFactory(title_en="Before")
    path = tmp_path / "backup"
    call_command("backup", str(path), verbosity=0)
    Programme.objects.update(title_en="After")
    (media / "after.txt").write_text("made after the backup")
    return path


def rehash(path, name):
    """Make the manifest agree with a changed file, as if the damage predated the backup."""
    from scoculture.backup import sha256

    manifest = json.loads((path / MANIFEST).read_text())
    manifest["files"][name] = {"sha256": sha256(path / name), "bytes": (path / name).stat().st_size}
    (path / MANIFEST).write_text(json.dumps(manifest))


def flip_a_byte(file):
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    file.write_bytes(bytes(data))


def database_file(path):
    return path / json.loads((path / MANIFEST).read_text())["database"]


def garbage_database(path):
    database_file(path).write_bytes(b"this is not a database" * 100)
    rehash(path, database_file(path).name)


def garbage_media(path):
    (path / "media.tar").write_bytes(b"\0not a tar" * 1000)
    rehash(path, "media.tar")


def newer_code(path):
    manifest = json.loads((path / MANIFEST).read_text())
    manifest["migrations"]["programmes"].append("9999_from_the_future")
    (path / MANIFEST).write_text(json.dumps(manifest))


DAMAGE = {
    "no manifest": (lambda p: (p / MANIFEST).unlink(), "has no manifest.json"),
    "manifest not json": (lambda p: (p / MANIFEST).write_text("{oops"), "is damaged"),
    "not our format": (lambda p: (p / MANIFEST).write_text('{"format": "x"}'), "not a SCO"),
    "database missing": (lambda p: database_file(p).unlink(), "is missing"),
    "database altered": (lambda p: flip_a_byte(database_file(p)), "does not match its checksum"),
    "media truncated": (
        lambda p: (p / "media.tar").write_bytes((p / "media.tar").read_bytes()[:1000]),
        "does not match its checksum",
    ),
    "database unreadable": (garbage_database, "is not a readable"),
    "media unreadable": (garbage_media, "cannot be unpacked"),
    "made by newer code": (newer_code, "newer version of the code"),
}


@pytest.mark.parametrize("case", DAMAGE)
def test_a_damaged_backup_is_refused_and_changes_nothing(backup, media, case):
    damage, message = DAMAGE[case]
    damage(backup)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(backup), interactive=False)
    assert list(Programme.objects.values_list("title_en", flat=True)) == ["After"]
    assert (media / "after.txt").exists()
    # No staging folder left behind beside the media.
    assert sorted(p.name for p in media.parent.iterdir()) == ["backup", "media"]


def test_no_backup_at_all_and_no_overwriting_one(backup, tmp_path):
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "nowhere"), interactive=False)
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(backup))


def test_the_command_line_gets_a_message_not_a_traceback(backup, tmp_path):
    flip_a_byte(database_file(backup))
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", "--noinput", str(backup)],
        cwd=django_settings.BASE_DIR,
        env=os.environ | {"DJANGO_ENV_FILE": "", "DATABASE_URL": f"sqlite:///{tmp_path}/db"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "does not match its checksum" in result.stderr
    assert "Traceback" not in result.stderr


def test_restore_asks_first(backup, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(backup))
    assert Programme.objects.get().title_en == "After"


def test_media_on_s3_is_left_out_with_a_note(settings, media, tmp_path, capsys):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"bucket_name": "b"}},
    }
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    assert "object storage (S3)" in capsys.readouterr().err
    assert not (tmp_path / "backup" / "media.tar").exists()
    call_command("restore", str(tmp_path / "backup"), interactive=False, verbosity=0)


@pytest.fixture
def scratch_database():
    """A PostgreSQL database beside the test one, for a restore; dropped after."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (DATABASE_URL=postgres://...)")
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**connection.settings_dict, "NAME": name}
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def reading(database):
    """Point the test's connection at another database for a while."""
    test_database = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = database["NAME"]
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = test_database


def schema_and_rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public'),"
            " (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'),"
            " (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n"
            "  ON n.oid = c.connamespace WHERE n.nspname = 'public')"
        )
        counts = cursor.fetchone()
    return counts, list(Programme.objects.values_list("title_en", flat=True))


def test_postgresql_backup_restored_into_a_new_database(client, media, tmp_path, scratch_database):
    urls = demo_records()
    before = pages(client, urls)
    files = media_files(media)
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    assert (tmp_path / "backup" / "db.dump").read_bytes()[:5] == b"PGDMP"  # custom format
    shutil.rmtree(media)

    restore_backup(tmp_path / "backup", settings_dict=scratch_database)
    with reading(scratch_database):
        assert Programme.objects.count() == 1
        assert pages(client, urls) == before
    assert media_files(media) == files


def test_postgresql_restore_is_all_or_nothing(media, tmp_path, scratch_database):
    """pg_restore runs in one transaction: when it fails half-way, nothing has changed."""
    ProgrammeFactory(title_en="In the backup")
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    restore_backup(tmp_path / "backup", settings_dict=scratch_database)
    with reading(scratch_database):
        # A view on a table stops --clean from dropping it, after it dropped other objects.
        with connection.cursor() as cursor:
            cursor.execute("CREATE VIEW titles AS SELECT title_en FROM programmes_programme")
        Programme.objects.update(title_en="Changed since")
        before = schema_and_rows()
    with pytest.raises(BackupError, match="pg_restore failed"):
        restore_backup(tmp_path / "backup", settings_dict=scratch_database)
    with reading(scratch_database):
        assert schema_and_rows() == before
