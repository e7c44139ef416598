"""The admin's door: login lockout (django-axes), the Content-Security-Policy (django-csp),
staff sessions that end when idle, and password rules."""

import datetime
import logging
from html.parser import HTMLParser

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from festivals.tests.factories import FestivalFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.middleware import SlidingSessionMiddleware

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def log_in(client, password, address="10.0.0.1", **headers):
    return client.post(
        LOGIN,
        {"username": "admin", "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


class TestLockout:
    def fail(self, client, times=5, **kwargs):
        """Fail to log in: the form again four times, then the lockout."""
        for attempt in range(1, times + 1):
            response = log_in(client, "wrong", **kwargs)
            assert response.status_code == (429 if attempt >= 5 else 200), attempt

    def test_five_failures_lock_out_even_the_right_password(self, client, admin_user, caplog):
        with caplog.at_level(logging.WARNING, logger="axes"):
            self.fail(client)
        assert any("Locking out" in record.getMessage() for record in caplog.records)
        response = log_in(client, "password")
        assert response.status_code == 429
        assert "Too many failed logins" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_four_failures_then_success_resets_the_count(self, client, admin_user):
        self.fail(client, 4)
        assert log_in(client, "password").status_code == 302
        client.logout()
        self.fail(client, 4)
        assert log_in(client, "password").status_code == 302

    def test_other_addresses_are_not_locked_out(self, client, admin_user):
        self.fail(client)
        assert log_in(client, "password", address="10.0.0.2").status_code == 302

    def test_a_forged_forwarded_for_header_does_not_escape(self, client, admin_user):
        self.fail(client, HTTP_X_FORWARDED_FOR="192.0.2.1")
        response = log_in(client, "password", HTTP_X_FORWARDED_FOR="192.0.2.99")
        assert response.status_code == 429

    def test_the_lockout_ends_after_the_cool_off(self, client, admin_user):
        self.fail(client)
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
            assert log_in(client, "password").status_code == 302

    def test_the_lockout_page_speaks_russian(self, client, admin_user):
        self.fail(client)
        response = log_in(client, "password", HTTP_ACCEPT_LANGUAGE="ru")
        assert "Слишком много неудачных попыток входа" in response.content.decode()


class TestContentSecurityPolicy:
    def policy(self, response):
        return dict(
            directive.strip().split(" ", 1)
            for directive in response["Content-Security-Policy"].split(";")
        )

    @pytest.mark.parametrize("url", ["/en/", "/en/programmes/", reverse("admin:index")])
    def test_scripts_and_styles_only_from_the_site(self, admin_client, url):
        policy = self.policy(admin_client.get(url))
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
        assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"

    @pytest.mark.parametrize(
        "url", ["/en/", "/ru/programmes/", "/zh-hans/festivals/", "/en/heritage/", "/en/search/"]
    )
    def test_public_pages_have_no_inline_script_or_style(self, client, url):
        ProgrammeFactory()
        FestivalFactory()
        page = InlineCode()
        page.feed(client.get(url).content.decode())
        assert page.inline == []

    def test_the_list_pages_script_is_a_file(self, client):
        html = client.get("/en/programmes/").content.decode()
        assert 'src="/static/js/filter-panel.js"' in html


class InlineCode(HTMLParser):
    """Collects what a strict policy would block: script and style elements written in the
    page, style attributes and event handlers. JSON-LD is data, which a policy lets be."""

    def __init__(self):
        super().__init__()
        self.inline = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/ld+json":
            self.inline.append(self.get_starttag_text())
        if tag == "style":
            self.inline.append(self.get_starttag_text())
        self.inline.extend(
            f"{tag} {name}" for name in attrs if name == "style" or name.startswith("on")
        )


class TestIdleSessions:
    def admin_page(self, client):
        return client.get(reverse("admin:index"))

    def test_an_idle_session_ends(self, client, admin_user, settings):
        client.force_login(admin_user)
        assert self.admin_page(client).status_code == 200
        idle = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
        with time_machine.travel(timezone.now() + idle):
            response = self.admin_page(client)
        assert response.status_code == 302 and response["Location"].startswith(LOGIN)

    def test_an_active_session_lasts_past_the_idle_limit(self, client, admin_user, settings):
        client.force_login(admin_user)
        step = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE / 3)
        start = timezone.now()
        for n in range(1, 7):  # twice the idle limit, a request a third of it apart
            with time_machine.travel(start + n * step):
                assert self.admin_page(client).status_code == 200, n

    def test_a_session_is_saved_at_most_once_per_interval(self, client, admin_user):
        client.force_login(admin_user)
        key = SlidingSessionMiddleware.KEY
        stamp = client.session[key]
        self.admin_page(client)
        assert client.session[key] == stamp  # no write for a request just after login
        later = timezone.now() + datetime.timedelta(
            seconds=SlidingSessionMiddleware.REFRESH_SECONDS
        )
        with time_machine.travel(later):
            self.admin_page(client)
            assert client.session[key] > stamp

    def test_public_pages_open_no_session(self, client):
        response = client.get("/en/programmes/")
        assert response.status_code == 200 and "sessionid" not in response.cookies


@pytest.mark.parametrize("password", ["password", "12345678901", "admin", "Admin2026"])
def test_weak_passwords_are_refused(admin_user, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=admin_user)
