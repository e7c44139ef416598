"""python manage.py import_whc FILE [--names FILE] [--dry-run] [--publish]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from heritage.whc import FileError, Importer, parse_export, parse_names


class Command(BaseCommand):
    help = (
        "Load or update World Heritage sites from UNESCO's list export (CSV), matching on the "
        "reference number. UNESCO facts are updated; an editor's text is never overwritten. "
        "All or nothing: a malformed file is rejected with the line at fault."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="UNESCO's list export, saved as CSV (UTF-8).")
        parser.add_argument(
            "--names",
            type=Path,
            help="CSV of id_no,name_ru,name_zh_hans that fills empty Russian and Chinese names.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish the new sites (default: drafts)."
        )

    def handle(self, *args, file, names, dry_run, publish, **options):
        try:
            rows = parse_export(file)
            name_rows = parse_names(names) if names else {}
            # English is the language the list is in (the `name` field follows it).
            with translation.override("en"), transaction.atomic():
                report = Importer(rows, name_rows, publish=publish).run()
                if dry_run:
                    transaction.set_rollback(True)
        except FileError as error:
            where = f"{file} " if error.line else ""
            raise CommandError(f"{where}{error}; nothing written.") from error
        except OSError as error:
            raise CommandError(f"cannot read {error.filename}: {error.strerror}") from error
        self.write(report, options["verbosity"], dry_run)

    def write(self, report, verbosity, dry_run):
        if verbosity >= 1:
            for reference, name in report.added:
                self.stdout.write(f"+ {reference} {name}")
            for reference, name, fields in report.updated:
                self.stdout.write(f"~ {reference} {name}: {', '.join(fields)}")
        if verbosity >= 2:
            for reference, name, states in report.skipped:
                self.stdout.write(f"- {reference} {name} (skipped: {states})")
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        prefix = "Dry run, nothing written: would have " if dry_run else ""
        self.stdout.write(prefix + report.summary() + ".")
