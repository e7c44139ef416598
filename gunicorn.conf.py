"""gunicorn's settings: `gunicorn scoculture.wsgi` reads this file from the working directory.

CSV exports stream for as long as the rows last (about 35,000 rows a second). The default sync
worker is killed when one request runs past `timeout` (30 s), which cut a 1.25M-row export
mid-file. A gthread worker answers each request in a thread while its main loop tells the
arbiter it is alive, so `timeout` restarts only a worker that hangs, never a long download.
Each worker serves `threads` requests at once; an export holds one of them while it streams.

Environment: PORT, WEB_CONCURRENCY (worker processes), GUNICORN_THREADS, GUNICORN_TIMEOUT,
GUNICORN_GRACEFUL_TIMEOUT (seconds a restart waits for the downloads under way to finish).
"""

import os


def _int(name, default):
    return int(os.environ.get(name) or default)


bind = f"0.0.0.0:{_int('PORT', 8000)}"
workers = _int("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1)
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)
timeout = _int("GUNICORN_TIMEOUT", 120)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 300)
keepalive = 5  # behind a proxy that reuses connections
accesslog = "-"
