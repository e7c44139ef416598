"""Backups of the database and the uploaded media, and their restore (README, "Backups").

A backup is a directory: the database (a pg_dump custom-format archive on PostgreSQL, a copy
made with SQLite's online backup API on SQLite), media.tar of MEDIA_ROOT, and manifest.json
(format, engine, the migrations applied, when it was made, and a SHA-256 per file). It is
written under a temporary name and renamed when complete, so a backup interrupted half-way
never looks like one. Restore checks everything it can before changing anything, then
replaces the database in one transaction and the media folder by renames.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import load_backend

FORMAT = "scoculture-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA_TAR = "media.tar"
DUMPS = {"postgresql": "db.dump", "sqlite3": "db.sqlite3"}


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why, for the command."""


def engine_of(settings_dict):
    # By the backend's vendor, not its module name: ours (scoculture.postgres) is PostgreSQL.
    vendor = load_backend(settings_dict["ENGINE"]).DatabaseWrapper.vendor
    engine = {"sqlite": "sqlite3"}.get(vendor, vendor)
    if engine not in DUMPS:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")
    return engine


def media_on_disk():
    """Media can be archived when uploads are files under MEDIA_ROOT (not on S3)."""
    return isinstance(default_storage, FileSystemStorage)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def applied_migrations(connection):
    applied = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def pg_environment(settings_dict):
    """libpq's variables for the configured database, so no password shows in `ps`."""
    env = dict(os.environ)
    options = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict["NAME"],
    }
    env.update({key: str(value) for key, value in options.items() if value})
    return env


def run_pg(args, settings_dict):
    try:
        result = subprocess.run(
            args, env=pg_environment(settings_dict), capture_output=True, text=True
        )
    except FileNotFoundError as error:
        raise BackupError(f"{args[0]} is not installed (PostgreSQL client tools).") from error
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {result.stderr.strip()}")
    return result.stdout


# Making a backup


def dump_database(connection, target):
    engine = engine_of(connection.settings_dict)
    if engine == "postgresql":
        run_pg(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={target}"],
            connection.settings_dict,
        )
    else:
        # The online backup API copies a consistent snapshot even while others write; a file
        # copy of a live database can catch it half-way through a transaction.
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()


def archive_media(target):
    root = Path(settings.MEDIA_ROOT)
    with tarfile.open(target, "w") as tar:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                tar.add(path, arcname=str(path.relative_to(root)), recursive=False)


def make_backup(path, using="default"):
    """Write a backup directory at path (which must not exist); returns its manifest."""
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} already exists; choose a new backup path.")
    connection = connections[using]
    engine = engine_of(connection.settings_dict)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent))
    try:
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "engine": engine,
            "database": DUMPS[engine],
            "migrations": applied_migrations(connection),
            "media": None,
            "notes": [],
            "files": {},
        }
        dump_database(connection, partial / DUMPS[engine])
        if media_on_disk():
            archive_media(partial / MEDIA_TAR)
            manifest["media"] = MEDIA_TAR
        else:
            manifest["notes"].append(
                "Media are in object storage (S3), not in this backup: back up the bucket "
                "with the provider's tools (versioning or replication)."
            )
        for name in os.listdir(partial):
            manifest["files"][name] = {
                "sha256": sha256(partial / name),
                "bytes": (partial / name).stat().st_size,
            }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        os.replace(partial, path)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return manifest


# Restoring


def read_manifest(path):
    """The manifest of a complete, unaltered backup, or a BackupError saying what is wrong."""
    path = Path(path)
    if not path.is_dir():
        raise BackupError(f"No backup at {path} (a backup is a directory made by `backup`).")
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(f"{path} has no {MANIFEST}: not a complete backup.") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(f"{path / MANIFEST} is damaged: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a SCO Culture backup.")
    if manifest.get("version") != VERSION:
        raise BackupError(f"Backup format version {manifest.get('version')} is not supported.")
    try:
        files = manifest["files"]
        needed = [manifest["database"]] + ([manifest["media"]] if manifest["media"] else [])
        for name in needed:
            if name not in files:
                raise BackupError(f"{path / MANIFEST} does not list {name}.")
            if Path(name).name != name:
                raise BackupError(f"{path / MANIFEST} names a file outside the backup: {name}")
            file = path / name
            if not file.is_file():
                raise BackupError(f"{file} is missing: the backup is incomplete.")
            if file.stat().st_size != files[name]["bytes"] or sha256(file) != files[name]["sha256"]:
                raise BackupError(f"{file} does not match its checksum: the backup is damaged.")
    except (KeyError, TypeError) as error:
        raise BackupError(f"{path / MANIFEST} is incomplete ({error}).") from error
    return manifest


def check_migrations(manifest):
    """Refuse a backup made by newer code: its tables would not fit these models."""
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            "The backup was made by a newer version of the code (unknown migrations: "
            f"{', '.join(unknown[:5])}); restore it with that version."
        )
    behind = sum(1 for key in known if key[1] not in manifest["migrations"].get(key[0], ()))
    return behind


def check_sqlite_file(file):
    try:
        with sqlite3.connect(f"file:{file}?mode=ro", uri=True) as check:
            result = check.execute("PRAGMA integrity_check").fetchone()
        check.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{file} is not a readable SQLite database: {error}") from error
    if result != ("ok",):
        raise BackupError(f"{file} fails SQLite's integrity check: {result[0]}")


def check_pg_archive(file, settings_dict):
    try:
        run_pg(["pg_restore", "--list", str(file)], settings_dict)
    except BackupError as error:
        raise BackupError(f"{file} is not a readable pg_dump archive: {error}") from error


def extract_media(tar_path, root):
    """Unpack media.tar into a new folder beside MEDIA_ROOT (same file system, for rename)."""
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.", suffix=".restoring", dir=root.parent))
    try:
        with tarfile.open(tar_path) as tar:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            tar.extractall(staging, filter="data")
    except (tarfile.TarError, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(f"{tar_path} cannot be unpacked: {error}") from error
    return staging


def swap_in(staging, root):
    """Put the restored media in place: two renames, the old folder removed after."""
    old = None
    if root.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{root.name}.", suffix=".old", dir=root.parent))
        os.replace(root, old / root.name)
    os.replace(staging, root)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def restore_database(connection, file, engine, settings_dict=None):
    """Replace the database's content, all or nothing."""
    settings_dict = settings_dict or connection.settings_dict
    if engine == "postgresql":
        # One transaction: a failure (or a kill) half-way leaves the database as it was.
        run_pg(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--exit-on-error",
                "--no-owner",
                f"--dbname={settings_dict['NAME']}",
                str(file),
            ],
            settings_dict,
        )
        return
    if connection.in_atomic_block:
        raise BackupError("Restore cannot run inside a transaction.")
    connection.ensure_connection()
    # The backup API writes the live database under its write lock, in one transaction that
    # SQLite's journal undoes if the process dies mid-way; readers see the old or the new.
    with sqlite3.connect(f"file:{file}?mode=ro", uri=True) as source:
        try:
            source.backup(connection.connection)
        except sqlite3.Error as error:
            raise BackupError(f"The database could not be replaced: {error}") from error
    source.close()


def restore_backup(path, using="default", settings_dict=None):
    """Restore a backup over the configured database (or settings_dict's, on PostgreSQL) and
    MEDIA_ROOT. Returns (manifest, notes)."""
    path = Path(path)
    connection = connections[using]
    settings_dict = settings_dict or connection.settings_dict
    manifest = read_manifest(path)
    engine = engine_of(settings_dict)
    if manifest["engine"] != engine:
        raise BackupError(
            f"The backup holds a {manifest['engine']} database; this site uses {engine}."
        )
    behind = check_migrations(manifest)
    database = path / manifest["database"]
    if engine == "sqlite3":
        check_sqlite_file(database)
    else:
        check_pg_archive(database, settings_dict)
    notes = list(manifest.get("notes", []))
    staging = None
    if manifest["media"]:
        if media_on_disk():
            staging = extract_media(path / manifest["media"], Path(settings.MEDIA_ROOT))
        else:
            notes.append("Media are in object storage (S3): the backup's media.tar was not used.")
    try:
        restore_database(connection, database, engine, settings_dict)
    except BaseException:
        if staging:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    if staging:
        swap_in(staging, Path(settings.MEDIA_ROOT))
    if behind:
        notes.append(f"The backup lacks {behind} migrations of this code: run `manage.py migrate`.")
    return manifest, notes
