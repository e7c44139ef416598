"""The site as production runs it, on a scratch SQLite database: shared by bench/load.py and
bench/lighthouse.py.

`ScratchSite()` makes a temporary folder with the database, migrates it, loads the demo data,
adds COPIES of every published programme, festival, university and heritage site (so that
each list has a page 2; the demo data alone fits on one page of 24), collects the static
files and creates a superuser (staff, export permission) through `manage.py ensure_admin`.
`site.serve(extra_env)` starts gunicorn with the project's gunicorn.conf.py and 2 workers on a
free loopback port and stops it (its whole process group) on leaving the block; `site.remove()`
deletes the folder. Callers use both in try/finally, and `exit_on_sigterm()` turns SIGTERM
into SystemExit so those run when the script is killed, not only on errors and Ctrl-C.

Nothing here imports the project's apps (their modules move): the copies are made by a
`manage.py shell` snippet that finds the models by name through the app registry.
"""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LANGUAGES = ["en", "ru", "zh-hans"]
STAFF_USER = "bench-staff"

# Run by `manage.py shell -c`: each published row of the listed models once more per copy,
# with its many-to-many links, under a new slug. Titles stay: only the lists' length matters.
COPY_SNIPPET = """
from django.apps import apps
names = {"programme", "festival", "university", "heritagesite"}
for model in apps.get_models():
    if model._meta.model_name not in names:
        continue
    originals = list(model.objects.filter(status="published").exclude(slug__contains="--copy"))
    for n in range(1, COPIES + 1):
        for obj in originals:
            links = {f.name: list(getattr(obj, f.name).all()) for f in model._meta.many_to_many}
            obj.pk = None
            obj._state.adding = True
            obj.slug = f"{obj.slug.split('--copy')[0][:180]}--copy{n}"
            if hasattr(obj, "unesco_reference"):
                obj.unesco_reference = ""
            obj.save()
            for name, values in links.items():
                getattr(obj, name).set(values)
    print(model._meta.model_name, model.objects.filter(status="published").count())
"""


def exit_on_sigterm():
    def handler(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)


def free_port(start):
    for port in range(start, start + 200):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise SystemExit(f"no free port from {start}")


class ScratchSite:
    def __init__(self, copies=1):
        self.dir = Path(tempfile.mkdtemp(prefix="scoculture-bench-"))
        self.copies = copies
        self.password = secrets.token_urlsafe(16)
        self.env = dict(os.environ)
        for name in ("REDIS_URL", "DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE"):
            self.env.pop(name, None)
        self.env.update(
            DJANGO_SETTINGS_MODULE="scoculture.settings.prod",
            DJANGO_ENV_FILE="",  # not the developer's .env
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_SECURE_SSL_REDIRECT="false",
            DATABASE_URL=f"sqlite:///{self.dir / 'db.sqlite3'}",
            DJANGO_MEDIA_ROOT=str(self.dir / "media"),
            DJANGO_LOG_LEVEL="WARNING",
            DJANGO_SUPERUSER_USERNAME=STAFF_USER,
            DJANGO_SUPERUSER_PASSWORD=self.password,
        )
        self.log_path = self.dir / "gunicorn.log"
        self.server = None

    def manage(self, *args, **kwargs):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
            **kwargs,
        ).stdout

    def prepare(self):
        self.manage("migrate", "--noinput", "-v0")
        print(self.manage("load_demo_data").strip())
        if self.copies:
            output = self.manage("shell", "-c", f"COPIES = {self.copies}\n{COPY_SNIPPET}")
            counts = re.findall(r"^(\w+) (\d+)$", output, re.MULTILINE)
            if len(counts) != 4:
                raise RuntimeError(f"the copies snippet printed {output!r}")
            print(
                f"Copies of each published row: {self.copies}; now published: "
                + ", ".join(f"{count} {name}" for name, count in counts)
            )
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("ensure_admin")

    @contextlib.contextmanager
    def serve(self, extra_env=None, workers=2):
        port = free_port(8790)
        env = {**self.env, "WEB_CONCURRENCY": str(workers), **(extra_env or {})}
        with open(self.log_path, "a") as log:
            # Its own process group, so that stopping it stops its workers too.
            proc = subprocess.Popen(
                [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "scoculture.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,
            )
        self.server = proc
        try:
            wait_for(port, proc)
            yield f"127.0.0.1:{port}"
        finally:
            stop(proc)
            self.server = None

    def log_tail(self, chars=4000):
        try:
            return self.log_path.read_text()[-chars:]
        except OSError:
            return ""

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_for(port, proc, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/en/")
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return
            raise RuntimeError(f"/en/ answered {status}")
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer")


def stop(proc):
    """TERM gunicorn's process group, then KILL it if it is still there after 30 s."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    # The workers, should the arbiter have died first.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
