"""Load the real SCO demo content; safe to run on every start (`make run`)."""

from django.core.management.base import BaseCommand

from portal.demo.loader import load_demo_data
from scoculture.public_cache import content_changed


class Command(BaseCommand):
    help = (
        "Create the demo countries, heritage sites, universities, programmes, festivals and "
        "routes that are missing. Existing rows are never changed, so editors' work is kept."
    )

    def handle(self, *args, **options):
        results = load_demo_data()
        content_changed()  # bulk_create sends no post_save: cached sitemaps start afresh
        created = ", ".join(f"{r.created} {r.label}" for r in results if r.created)
        present = sum(result.present for result in results)
        self.stdout.write(
            f"Demo data: created {created or 'nothing'}; {present} records already present."
        )
        for result in results:
            if result.skipped:
                self.stdout.write(
                    f"Skipped {result.skipped} {result.label}: a record they name was changed "
                    "by an editor and no longer fits."
                )
