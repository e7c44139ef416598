"""python manage.py restore PATH: put back a backup made by `backup`."""

from django.core.management.base import BaseCommand, CommandError

from scoculture.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and MEDIA_ROOT with the backup at PATH. The backup is checked "
        "(checksums, archive) before anything changes; the database is replaced in one "
        "transaction. Stop the app servers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A backup directory made by `manage.py backup`.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, path, interactive, **options):
        if interactive:
            answer = input(
                f"This replaces the database and the media with the backup at {path}. "
                "Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest, notes = restore_backup(path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        for note in notes:
            self.stderr.write(note)
        if options["verbosity"] > 0:
            self.stdout.write(f"Restored the backup made at {manifest['created_at']} from {path}.")
