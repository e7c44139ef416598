"""Requests lost when PostgreSQL restarts under load, and the seconds until every page answers.

    .venv/bin/python bench/db_restart_benchmark.py                 # before and after, one run
    .venv/bin/python bench/db_restart_benchmark.py --configs after --clients 50 --seconds 15

Makes a throw-away PostgreSQL cluster (initdb into a temporary folder, as the `postgres` user
when run as root, on a free port from 54329), migrates it and loads the demo data, then for
each configuration starts gunicorn (gunicorn.conf.py, 2 workers) against it, drives the public
pages with N closed-loop clients (threads with http.client, one keep-alive connection each,
every request counted), restarts the cluster (`pg_ctl restart -m fast`) in the middle and
prints: requests, non-2xx answers by status, the requests in flight when the restart began,
lost/in-flight, when the database was down and up again, and the seconds from the restart
until the first 200 and until the last error. The cluster is removed at the end, even on error.

Configurations (the environment gunicorn runs with):
    before   persistent connections with health checks and no wait for the database
             (DJANGO_DB_CONNECT_WAIT=0), as before the wait was added: a request that finds
             the database down fails at once (a 503 page now, a 500 then)
    after    the settings' defaults: a new connection waits for the database to come back
             (DJANGO_DB_CONNECT_WAIT seconds), and a request that still fails answers 503
"""

import argparse
import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PATHS = [
    "/en/",
    "/en/programmes/",
    "/en/festivals/",
    "/en/universities/",
    "/en/heritage/",
    "/en/countries/",
    "/ru/programmes/",
    "/zh-hans/festivals/",
]
CONFIGS = {
    "before": {"DJANGO_CONN_MAX_AGE": "60", "DJANGO_DB_CONNECT_WAIT": "0"},
    "after": {},
}


def free_port(start):
    for port in range(start, start + 100):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise SystemExit(f"no free port from {start}")


class Cluster:
    """A PostgreSQL cluster in a temporary folder, owned by `postgres` when we are root."""

    def __init__(self, port):
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="scoculture-pg-"))
        self.data = self.dir / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.dir, "postgres", "postgres")

    def run(self, *args, **kwargs):
        command = [str(PG_BIN / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)

    def start(self):
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.dir / "log"),
            "-w",
            "start",
            "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1",
        )
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "bench")

    def restart(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "restart")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/bench"

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


def django_env(cluster, extra=()):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="scoculture.settings.prod",
        DJANGO_ENV_FILE="",
        DJANGO_SECRET_KEY="bench-" + "x1y2z3w4v5" * 6,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=cluster.url,
        DJANGO_LOG_LEVEL="CRITICAL",
    )
    env.update(extra)
    return env


def prepare(cluster):
    env = django_env(cluster)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "-v0"], ["load_demo_data"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            [*manage, *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


class Load:
    """Closed-loop clients: each sends its next request when the last one is answered."""

    def __init__(self, port, clients):
        self.port = port
        self.clients = clients
        self.records = []  # (start, end, status): status 0 for a broken HTTP connection
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def client(self, number):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        records, i = [], number
        while not self.stop.is_set():
            path = PATHS[i % len(PATHS)]
            i += 1
            start = time.monotonic()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                status = 0
            records.append((start, time.monotonic(), status))
        conn.close()
        with self.lock:
            self.records.extend(records)

    def __enter__(self):
        self.threads = [
            threading.Thread(target=self.client, args=(n,)) for n in range(self.clients)
        ]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join()


def probe_database(cluster, stop, events):
    """Record when the database stops and starts answering a fresh connection."""
    import psycopg

    up = True
    while not stop.is_set():
        try:
            psycopg.connect(
                cluster.url.replace("postgres://", "postgresql://"), connect_timeout=1
            ).close()
            ok = True
        except psycopg.Error:
            ok = False
        if ok != up:
            events.append((time.monotonic(), ok))
            up = ok
        time.sleep(0.01)


def wait_for_http(port, proc, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("gunicorn exited")
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            statuses = []
            for path in PATHS:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                statuses.append(response.status)
            conn.close()
            if set(statuses) == {200}:
                return
            raise SystemExit(f"warm-up answered {dict(zip(PATHS, statuses, strict=True))}")
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer")


def measure(cluster, name, extra, clients, seconds, restart_after, log):
    port = free_port(8790)
    env = django_env(cluster, {"PORT": str(port), "WEB_CONCURRENCY": "2", **extra})
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "scoculture.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    stop, events = threading.Event(), []
    probe = threading.Thread(target=probe_database, args=(cluster, stop, events), daemon=True)
    try:
        wait_for_http(port, proc)
        with Load(port, clients) as load:
            probe.start()
            time.sleep(restart_after)
            restart_at = time.monotonic()
            cluster.restart()
            restart_took = time.monotonic() - restart_at
            time.sleep(max(0.0, seconds - restart_after - restart_took))
    finally:
        stop.set()
        proc.terminate()
        proc.wait(30)
    probe.join()
    return summarise(name, load.records, restart_at, restart_took, events)


def summarise(name, records, restart_at, restart_took, events):
    def rel(t):
        return None if t is None else round(t - restart_at, 2)

    errors = [r for r in records if not 200 <= r[2] < 300]
    by_status = {}
    for _start, _end, status in errors:
        by_status[status] = by_status.get(status, 0) + 1
    in_flight = sum(1 for start, end, _ in records if start <= restart_at < end)
    down = next((t for t, ok in events if not ok), None)
    up = next((t for t, ok in events if ok and down is not None and t > down), None)
    # The first 200 given by a request that began once the database was down.
    first_ok = min(
        (end for start, end, status in records if status == 200 and down and start >= down),
        default=None,
    )
    last_error = max((end for _s, end, _st in errors), default=None)
    window = [
        end - start
        for start, end, _ in records
        if start <= (up or restart_at) and end >= restart_at
    ]
    return {
        "config": name,
        "requests": len(records),
        "non-2xx": len(errors),
        "by status": ", ".join(f"{k or 'conn'}: {v}" for k, v in sorted(by_status.items())) or "-",
        "in flight": in_flight,
        "lost/in flight": round(len(errors) / in_flight, 2) if in_flight else None,
        "restart s": round(restart_took, 2),
        "db down..up s": f"{rel(down)}..{rel(up)}",
        "first 200 s": rel(first_ok),
        "last error s": rel(last_error) if errors else "none",
        "slowest s": round(max(window, default=0), 2),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--configs", default="before,after", help="comma-separated: " + ", ".join(CONFIGS)
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--restart-after", type=float, default=6)
    args = parser.parse_args()
    names = args.configs.split(",")
    unknown = set(names) - set(CONFIGS)
    if unknown:
        parser.error(f"unknown configurations: {', '.join(sorted(unknown))}")

    cluster = Cluster(free_port(54329))
    rows = []
    try:
        cluster.start()
        prepare(cluster)
        with open(cluster.dir / "gunicorn.log", "w") as log:
            for name in names:
                rows.append(
                    measure(
                        cluster,
                        name,
                        CONFIGS[name],
                        args.clients,
                        args.seconds,
                        args.restart_after,
                        log,
                    )
                )
    except BaseException:
        log_file = cluster.dir / "gunicorn.log"
        if log_file.exists():
            sys.stderr.write(log_file.read_text()[-4000:])
        raise
    finally:
        cluster.remove()

    print(
        f"{args.clients} clients, {args.seconds:g} s, `pg_ctl restart -m fast` after "
        f"{args.restart_after:g} s; gunicorn serves 2 workers x 4 threads = 8 requests at once; "
        "times in seconds from the restart command"
    )
    keys = list(rows[0])
    widths = [max(len(k), *(len(str(r[k])) for r in rows)) for k in keys]
    print("  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row[k]).ljust(w) for k, w in zip(keys, widths, strict=True)))


if __name__ == "__main__":
    main()
