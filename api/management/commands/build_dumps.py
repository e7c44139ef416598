"""Build every bulk dump (each kind, CSV and JSON, each language) into the cache.

The dumps follow the content generation (api/dumps.py): run this from cron shortly after
midnight, when a new generation starts, and visitors never wait for one to be built.
"""

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from api.dumps import FORMATS, KINDS, cached_dump


def request_for(url):
    """A GET request for `url`'s scheme and host: the JSON's absolute links name them."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CommandError(f"--url must be an http(s) address, not {url!r}.")
    default_port = "443" if parts.scheme == "https" else "80"
    return WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/",
            "HTTP_HOST": parts.netloc,
            "SERVER_NAME": parts.hostname,
            "SERVER_PORT": str(parts.port or default_port),
            "wsgi.url_scheme": parts.scheme,
            "wsgi.input": io.BytesIO(),
        }
    )


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
