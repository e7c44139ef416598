"""Test-only entry points that stall at a chosen moment, so a test can kill -9 the process there.

Each writes its process id to the file named by STALL_MARKER when it reaches that moment, then
sleeps. Never imported by the site itself.
"""

import os
import sys
import time
from pathlib import Path


def stall():
    Path(os.environ["STALL_MARKER"]).write_text(str(os.getpid()))
    time.sleep(120)


def load_demo_data():
    """manage.py load_demo_data, stalling after the programmes and their links are written."""
    from portal.demo import loader

    real_link = loader.link

    def link(spec, created, index):
        real_link(spec, created, index)
        if spec.label == "programmes":
            stall()

    loader.link = link
    from django.core.management import call_command

    call_command("load_demo_data")


def export_csv(*args):
    """manage.py export_csv ..., stalling after its first ~10 KB are written."""
    from exports.management.commands import export_csv as command

    real_iter_csv = command.iter_csv

    def iter_csv(exporter, rows):
        # Small pieces, so that some reach the file before the stall.
        for number, piece in enumerate(real_iter_csv(exporter, rows=rows, buffer_size=1024)):
            yield piece
            if number == 3:
                stall()

    command.iter_csv = iter_csv
    from django.core.management import call_command

    call_command("load_demo_data", verbosity=0)
    call_command("export_csv", *args)


def wsgi_with_a_slow_photo_save():
    """The site, with every photo save stalling after its row (and files) are written: an
    admin save is then half-way, its record and many-to-many links written, not committed."""
    from django.core.wsgi import get_wsgi_application
    from django.db.models.signals import post_save

    application = get_wsgi_application()
    from photos.models import Photo

    post_save.connect(lambda **kwargs: stall(), sender=Photo, weak=False)
    return application


if __name__ == "__main__":
    import django

    django.setup()
    globals()[sys.argv[1]](*sys.argv[2:])
