"""Build every bulk dump (each kind, CSV and JSON, each language) into the cache.

The dumps follow the content generation (api/dumps.py): run this from cron shortly after
midnight, when a new generation starts, and visitors never wait for one to be built.
"""

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from api.dumps import FORMATS, KINDS, cached_dump
from scoculture.site_requests import site_environ


def request_for(url):
    """A GET request for `url`'s scheme and host: the JSON's absolute links name them."""
    try:
        return WSGIRequest(site_environ(url))
    except ValueError as error:
        raise CommandError(f"--url: {error}") from None


class Command(BaseCommand):
    help = "Build the bulk dumps (/api/v1/dumps/) of every kind, format and language."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", required=True, help="the site's address, e.g. https://sco.example.org"
        )

    def handle(self, *args, url, **options):
        request = request_for(url)
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for kind in KINDS:
                    for fmt in FORMATS:
                        size = len(cached_dump(request, kind, fmt)["body"])
                        if options["verbosity"] > 0:
                            self.stdout.write(f"{language} {kind}.{fmt}: {size} bytes")
