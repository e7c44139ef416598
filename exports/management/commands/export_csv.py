"""python manage.py export_csv <name> [--filter key=value ...] [--status ...] [--output file]"""

import os
import sys

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from django.utils import translation
from tqdm import tqdm

from exports.exporters import STATUSES, ListExporter, exporters, iter_csv


class Command(BaseCommand):
    help = (
        "Write one of the CSV exports (the same file staff download) to a file or stdout. "
        "Filters take the list page's GET parameters; a progress bar shows on a terminal."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Export to write: " + ", ".join(exporters()))
        parser.add_argument(
            "--filter",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="A list filter, as in the page's URL (kind=scholarship). Repeatable.",
        )
        parser.add_argument("--status", choices=STATUSES, default="published")
        parser.add_argument("--output", "-o", help="File to write (default: stdout).")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the headers, labels and translated text (English fills gaps).",
        )

    def handle(self, *args, language, **options):
        # The exporter keeps the language active when it is made, for the whole stream.
        with translation.override(language):
            self.export(**options)

    def export(self, *, name, filter, status, output, **options):
        available = exporters()
        if name not in available:
            raise CommandError(f"Unknown export {name!r}; choose from {', '.join(available)}.")
        exporter_class = available[name]
        if issubclass(exporter_class, ListExporter):
            params = QueryDict(mutable=True)
            for item in filter:
                key, sep, value = item.partition("=")
                if not sep or not key:
                    raise CommandError(f"--filter takes key=value, not {item!r}.")
                params.appendlist(key, value)
            try:
                exporter = exporter_class.from_params(params, status=status)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        elif filter:
            raise CommandError(f"{name} takes no filters.")
        else:
            exporter = exporter_class()

        # A file is written as FILE.partial and renamed when complete: an export that fails or
        # is killed half-way never leaves a truncated FILE (nor truncates an earlier one).
        partial = f"{output}.partial" if output else None
        stream = open(partial, "wb") if output else sys.stdout.buffer  # noqa: SIM115
        # The bar goes to stderr, and only when someone is watching (not under cron).
        watching = self.stderr._out.isatty() and (bool(output) or not sys.stdout.isatty())
        total = exporter.count() + 1 if watching and hasattr(exporter, "count") else None
        rows = tqdm(
            exporter.iter_rows(),
            total=total,
            unit=" rows",
            disable=not watching,
            file=self.stderr._out,
        )
        written = 0

        def counted(rows):
            nonlocal written
            for written, row in enumerate(rows):  # noqa: B007 (the count is read after)
                yield row

        try:
            for piece in iter_csv(exporter, rows=counted(rows)):
                stream.write(piece)
            if output:
                stream.flush()
                os.fsync(stream.fileno())
        except BaseException:
            if output:
                stream.close()
                os.remove(partial)
            raise
        finally:
            rows.close()
        if output:
            stream.close()
            os.replace(partial, output)
        if output and options["verbosity"] > 0:
            self.stdout.write(f"Wrote {written} rows to {output}.")
