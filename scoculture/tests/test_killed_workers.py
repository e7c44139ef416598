"""kill -9 half-way through a write leaves no half-written record, link or file.

Each test runs the real thing in a subprocess on a file SQLite database, lets it reach the
middle of its work (scoculture.tests.stalling stops it there and says so), kills it with
SIGKILL and looks at what is left. `import_whc` does not exist yet: nothing to test for it.
"""

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from django.conf import settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from photos.tests.admin_form import PREFIX, form_data
from photos.tests.factories import image_bytes, upload
from scoculture.tests.helpers import free_port, manage

pytestmark = pytest.mark.faults

# The tables of the demo records and of their many-to-many links.
DEMO_TABLES = [
    "scoculture_country",
    "heritage_heritagesite",
    "heritage_heritagesite_countries",
    "universities_university",
    "programmes_programme",
    "programmes_programme_partner_countries",
    "programmes_programme_host_universities",
    "festivals_festival",
]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """An empty, migrated database file, copied by each test (it is never open then)."""
    folder = tmp_path_factory.mktemp("migrated")
    database = folder / "db.sqlite3"
    manage(environment(database, folder / "media"), "migrate", "--noinput", "-v0")
    return database


@pytest.fixture
def site(migrated, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated, database)
    return {"database": database, "media": tmp_path / "media", "marker": tmp_path / "stalled"}


def environment(database, media, marker=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="scoculture.settings.test",
        DJANGO_ENV_FILE="",
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_MEDIA_ROOT=str(media),
        STALL_MARKER=str(marker or ""),
    )
    return env


def wait_for_stall(process, marker, timeout=20, answer=lambda: None):
    """The pid of the process that stalled (a worker may be a child of `process`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker.exists() and marker.read_text():
            return int(marker.read_text())
        if process.poll() is not None:
            pytest.fail(f"finished before stalling: {process.stderr.read()}")
        if answer():
            pytest.fail(f"answered before stalling: {answer()}")
        time.sleep(0.05)
    process.kill()
    pytest.fail("never reached the stall")


def start_stalling(site, *args):
    env = environment(site["database"], site["media"], site["marker"])
    return subprocess.Popen(
        [sys.executable, "-m", "scoculture.tests.stalling", *args],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill(pid):
    os.kill(pid, signal.SIGKILL)


def counts(database, tables):
    # Opening the database rolls back the transaction the killed process left in its journal.
    with sqlite3.connect(database) as db:
        result = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables
        }
    db.close()
    return result


def test_killed_demo_data_load_leaves_nothing_half_written(site):
    process = start_stalling(site, "load_demo_data")
    kill(wait_for_stall(process, site["marker"]))
    assert process.wait(10) == -signal.SIGKILL
    assert counts(site["database"], DEMO_TABLES) == dict.fromkeys(DEMO_TABLES, 0)
    # The next load starts from a clean slate and creates everything.
    output = manage(environment(site["database"], site["media"]), "load_demo_data")
    assert "17 programmes" in output and "0 records already present" in output


def test_killed_export_leaves_no_partial_file(site, tmp_path):
    output = tmp_path / "programmes.csv"
    output.write_bytes(b"yesterday's complete export\r\n")
    process = start_stalling(site, "export_csv", "programmes", "-o", str(output))
    kill(wait_for_stall(process, site["marker"]))
    assert process.wait(10) == -signal.SIGKILL
    # The rows written so far went to FILE.partial, never to FILE: a reader (or a cron job
    # copying FILE on) sees the last complete export or nothing.
    assert output.read_bytes() == b"yesterday's complete export\r\n"
    assert (tmp_path / "programmes.csv.partial").exists()


class Browser:
    """Just enough of a browser for the admin: cookies, CSRF token, multipart posts."""

    def __init__(self, base):
        self.base = base
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=20) as response:
            return response.read().decode()

    def post(self, path, data):
        token = next(c.value for c in self.cookies if c.name == "csrftoken")
        body = encode_multipart(BOUNDARY, {**data, "csrfmiddlewaretoken": token})
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Content-Type": MULTIPART_CONTENT}
        )
        with self.opener.open(request, timeout=60) as response:
            return response.read().decode()


def wait_until_up(browser, process, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return browser.get("/admin/login/")
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None:
                pytest.fail(f"the server stopped: {process.stderr.read()}")
            time.sleep(0.1)
    pytest.fail("the server did not start")


SETUP = """
from django.contrib.auth.models import User
from scoculture.tests.factories import CountryFactory
User.objects.create_superuser("admin", "", "pw")
print(" ".join(str(CountryFactory().pk) for _ in range(3)))
"""

ADMIN_TABLES = [
    "heritage_heritagesite",
    "heritage_heritagesite_countries",
    "photos_photo",
    "django_admin_log",
    "reversion_version",
]


def test_killed_worker_in_an_admin_save_leaves_no_record_links_or_files(site):
    env = environment(site["database"], site["media"], site["marker"])
    countries = manage(env, "shell", "-v0", "-c", SETUP).split()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "scoculture.tests.stalling:wsgi_with_a_slow_photo_save()",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            # gunicorn.conf.py lets downloads finish for minutes on a restart; not here.
            "--graceful-timeout=2",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        browser = Browser(f"http://127.0.0.1:{port}")
        wait_until_up(browser, server)
        browser.post("/admin/login/", {"username": "admin", "password": "pw", "next": "/admin/"})
        data = form_data(browser.get("/admin/heritage/heritagesite/add/"))
        data.update(
            name_en="Half-saved site",
            slug="half-saved-site",
            category="cultural",
            year_inscribed="2014",
            countries=countries,
            _save="Save",
        )
        data.update(
            {
                f"{PREFIX}-TOTAL_FORMS": "1",
                f"{PREFIX}-0-original": upload(image_bytes(size=(800, 600))),
                f"{PREFIX}-0-alt_text_en": "A photo that never was",
                f"{PREFIX}-0-position": "0",
                f"{PREFIX}-0-is_lead": "on",
            }
        )
        save = threading.Thread(target=lambda: post_quietly(browser, data))
        save.start()
        kill(wait_for_stall(server, site["marker"], answer=lambda: form_errors(browser)))
        save.join(20)
        assert not save.is_alive()
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(20)
    assert counts(site["database"], ADMIN_TABLES) == dict.fromkeys(ADMIN_TABLES, 0)
    # The photo's files were written before the transaction would have committed; nothing
    # refers to them, and cleanup_media removes them (it waits PHOTOS_ORPHAN_MIN_AGE_MINUTES
    # in production, so as never to take a save under way for an orphan).
    written = [p for p in site["media"].rglob("*") if p.is_file()]
    assert written
    manage(env, "cleanup_media", "--delete", "--min-age=0")
    assert not [p for p in site["media"].rglob("*") if p.is_file()]


def form_errors(browser):
    """What the admin said, when it answered (form errors) instead of stalling."""
    answer = getattr(browser, "answer", None)
    return answer and (re.findall(r"errorlist.*?</ul>", answer, re.S) or answer[-2000:])


def post_quietly(browser, data):
    """The worker dies under the request: the connection drops, which is the point."""
    try:
        browser.answer = browser.post("/admin/heritage/heritagesite/add/", data)
    except urllib.error.HTTPError as error:
        browser.answer = f"{error}: {error.read().decode()}"
    except (urllib.error.URLError, ConnectionError):
        pass
