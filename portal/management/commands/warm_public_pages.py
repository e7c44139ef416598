"""Build a content generation's figures before visitors ask for them (portal/warming.py).

Run it after each change, from a process manager with --every (a systemd service:
`manage.py warm_public_pages --url https://sco.example.org --every 5`), or from cron each
minute without it. One server is enough; several share the work through the cache's marker.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.warming import warm


class Command(BaseCommand):
    help = "Request the pages visitors open first once a content generation, in every language."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", required=True, help="the site's address, e.g. https://sco.example.org"
        )
        parser.add_argument(
            "--every",
            type=float,
            metavar="SECONDS",
            help="look for a new content generation this often, until stopped",
        )

    def handle(self, *args, url, every, **options):
        if every is not None and every <= 0:
            raise CommandError("--every must be a number of seconds above 0.")
        if settings.PUBLIC_CACHE_MAX_TIMEOUT is not None:
            self.stderr.write(
                "The cache is this process's own (no REDIS_URL): what is built here serves "
                "no other process."
            )
        try:
            failed = self.warm_once(url, options["verbosity"])
            while every is not None:
                time.sleep(every)
                self.warm_once(url, options["verbosity"])
        except KeyboardInterrupt:
            return
        if failed:
            raise CommandError(
                f"{failed} page(s) did not answer 200: is the address's host in "
                "DJANGO_ALLOWED_HOSTS, and its scheme the site's own (https behind TLS)?"
            )

    def warm_once(self, url, verbosity):
        """Warm the current generation; the number of pages that did not answer 200."""
        try:
            pages = warm(url)
        except ValueError as error:
            raise CommandError(f"--url: {error}") from None
        if pages is None:
            if verbosity > 1:
                self.stdout.write("This content generation is warm already.")
            return 0
        failed = 0
        for path, status, milliseconds in pages:
            if status != 200:
                failed += 1
                self.stderr.write(f"{path}: {status}")
            elif verbosity > 0:
                self.stdout.write(f"{path}: {status} in {milliseconds} ms")
        return failed
