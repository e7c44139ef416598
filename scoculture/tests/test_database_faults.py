"""A database restart: new connections wait for the server, broken requests answer 503."""

from unittest import mock

import psycopg
import pytest
from django.db import close_old_connections, connection, connections
from django.db.utils import InterfaceError, OperationalError, ProgrammingError
from django.utils import translation

from scoculture.postgres.base import DatabaseWrapper
from scoculture.tests.test_settings import STRONG_KEY, run_settings

DOWN = "connection failed: server closed the connection unexpectedly"


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_a_database_outage_answers_503_in_the_sites_layout(client, settings, error, language):
    settings.PUBLIC_PAGE_CACHE = True  # its generation query fails first, and must not 500
    # Every query fails, the 503 page's own rendering included if it made one.
    with mock.patch.object(connections["default"], "cursor", side_effect=error(DOWN)):
        response = client.get(f"/{language}/programmes/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    html = response.content.decode()
    assert f'<html lang="{language}"' in html and 'class="site-header"' in html
    with translation.override(language):
        assert translation.gettext("Temporarily unavailable") in html


@pytest.mark.django_db
def test_other_database_errors_are_still_server_errors(client):
    with (
        mock.patch.object(connections["default"], "cursor", side_effect=ProgrammingError("bug")),
        pytest.raises(ProgrammingError),
    ):
        client.get("/en/programmes/")


def postgres_wrapper(wait):
    return DatabaseWrapper(
        {
            "ENGINE": "scoculture.postgres",
            "NAME": "scoculture",
            "USER": "",
            "PASSWORD": "",
            "HOST": "127.0.0.1",
            "PORT": "",
            "OPTIONS": {},
            "AUTOCOMMIT": True,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "TIME_ZONE": None,
            "CONNECT_WAIT": wait,
        },
        alias="restart_probe",
    )


def test_a_new_connection_waits_for_a_restarting_server():
    refused = mock.Mock(
        side_effect=[
            psycopg.OperationalError("the database system is shutting down"),
            psycopg.OperationalError("connection refused"),
            "connection",
        ]
    )
    parent = "django.db.backends.postgresql.base.DatabaseWrapper.get_new_connection"
    with mock.patch(parent, refused), mock.patch("scoculture.postgres.base.time.sleep"):
        assert postgres_wrapper(wait=5).get_new_connection({}) == "connection"
    assert refused.call_count == 3


def test_without_a_wait_a_refused_connection_fails_at_once():
    refused = mock.Mock(side_effect=psycopg.OperationalError("connection refused"))
    parent = "django.db.backends.postgresql.base.DatabaseWrapper.get_new_connection"
    with mock.patch(parent, refused), pytest.raises(psycopg.OperationalError):
        postgres_wrapper(wait=0).get_new_connection({})
    assert refused.call_count == 1


def test_postgresql_urls_get_the_waiting_backend():
    probe = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "d = s.DATABASES['default']; print(json.dumps([d['ENGINE'], d['CONNECT_WAIT']]))"
    )
    result = run_settings(
        "scoculture.settings.prod",
        probe,
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="culture.example.org",
        DATABASE_URL="postgres://user:pw@db.internal:5432/scoculture",
        DJANGO_DB_CONNECT_WAIT="2.5",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == '["scoculture.postgres", 2.5]'


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a server that drops the connection mid-request"
)
@pytest.mark.django_db(transaction=True)
def test_a_connection_dropped_mid_request_answers_503_then_is_replaced(client):
    from programmes.views import ProgrammeListView

    list_view = ProgrammeListView.get

    def dropped(self, request, *args, **kwargs):
        # What a restart does to a request under way: the server ends its connection.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")

    try:
        with mock.patch.object(ProgrammeListView, "get", dropped):
            assert client.get("/en/programmes/").status_code == 503
    finally:
        close_old_connections()  # a failed check leaves no broken connection for teardown
    assert ProgrammeListView.get is list_view
    # close_old_connections() ran as the handler runs it when the next request starts (the
    # test client skips it): it dropped the broken connection, so this one connects afresh.
    assert client.get("/en/programmes/").status_code == 200
