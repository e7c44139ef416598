"""Django's PostgreSQL backend, except that a new connection waits for a restarting server.

A restart (`pg_ctl restart -m fast`, a failover, a minor upgrade) refuses connections for a
second or so. Django's backend gives up at once, so every request that arrives then answers an
error: 72 to 174 of them under 50 clients (bench/db_restart_benchmark.py, README). Here a
refused connection is tried again every RETRY_INTERVAL seconds for up to the database's
CONNECT_WAIT seconds (settings: DJANGO_DB_CONNECT_WAIT); the requests queue instead of failing.
Only connecting waits: a query on a connection that breaks mid-request still fails, because
repeating it could repeat a write.
"""

import time

from django.db.backends.postgresql.base import Database
from django.db.backends.postgresql.base import DatabaseWrapper as PostgresDatabaseWrapper

RETRY_INTERVAL = 0.1


class DatabaseWrapper(PostgresDatabaseWrapper):
    def get_new_connection(self, conn_params):
        deadline = time.monotonic() + self.settings_dict.get("CONNECT_WAIT", 0)
        while True:
            try:
                return super().get_new_connection(conn_params)
            except Database.OperationalError:
                # Refused, shutting down or starting up: libpq gives no SQLSTATE on connect,
                # so a wrong password waits too, then fails with the same message.
                if time.monotonic() + RETRY_INTERVAL > deadline:
                    raise
                time.sleep(RETRY_INTERVAL)
