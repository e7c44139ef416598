"""python manage.py backup PATH: the database and the uploaded media, in one directory."""

from django.core.management.base import BaseCommand, CommandError

from scoculture.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Write a backup directory at PATH: the database (pg_dump on PostgreSQL, SQLite's "
        "online backup API on SQLite), media.tar of MEDIA_ROOT and manifest.json. "
        "`restore PATH` puts it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A new directory, e.g. backups/2025-01-31.")

    def handle(self, *args, path, **options):
        try:
            manifest = make_backup(path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        for note in manifest["notes"]:
            self.stderr.write(note)
        if options["verbosity"] > 0:
            sizes = ", ".join(
                f"{name} {info['bytes']} bytes" for name, info in manifest["files"].items()
            )
            self.stdout.write(f"Backup written to {path} ({sizes}).")
