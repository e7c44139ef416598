"""Empty the recycle bin of what was deleted more than 30 days ago (run daily: README)."""

from django.core.management.base import BaseCommand, CommandError

from scoculture.history import purge_deleted


class Command(BaseCommand):
    help = (
        "Delete the versions of records deleted more than --days days ago (30), so they can no "
        "longer be recovered; records that exist keep their whole history."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        purged = purge_deleted(days)
        if options["verbosity"]:
            self.stdout.write(f"{purged} versions of deleted records purged.")
