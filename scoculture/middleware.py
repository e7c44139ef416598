"""Request checks that belong to no single view."""

import logging
import time

from django.core.exceptions import BadRequest
from django.db.utils import InterfaceError, OperationalError
from django.shortcuts import render

logger = logging.getLogger(__name__)
# Seconds a client is asked to wait: a database restart takes about one.
RETRY_AFTER_SECONDS = 5


class AdminRejectsNulMiddleware:
    """A 400 for a NUL character anywhere in an admin query string.

    The admin passes filter, search and autocomplete parameters straight to the database,
    and PostgreSQL refuses NUL in text (DataError, a 500). Public pages validate their
    parameters in forms, which already reject it, so only the admin is checked here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if "admin" in request.resolver_match.app_names and any(
            "\0" in key or any("\0" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the query string.")


class SlidingSessionMiddleware:
    """A session ends SESSION_COOKIE_AGE after its last request, not after the login.

    Django counts the age from the last save. Saving on every request
    (SESSION_SAVE_EVERY_REQUEST) would write the session row on each click; this saves it
    at most once per REFRESH_SECONDS, so the idle limit holds to within that.
    Sessions nothing else opened (public pages) are left alone: no query, no cookie.
    """

    REFRESH_SECONDS = 300
    KEY = "_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.accessed and not session.is_empty():
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= self.REFRESH_SECONDS:
                session[self.KEY] = now
        return response


def mark_session_fresh(sender, request, user, **kwargs):
    """The login itself saves the session: the first requests after it need not."""
    if request is not None and hasattr(request, "session"):
        request.session[SlidingSessionMiddleware.KEY] = int(time.time())


class DatabaseUnavailableMiddleware:
    """A 503 page with Retry-After, not a 500, when the database cannot be reached.

    A restart breaks the connections of the requests under way, and a request that arrives
    while the server stays down fails to connect once DJANGO_DB_CONNECT_WAIT has passed.
    Both are the service being briefly unavailable, not a fault in the page: the visitor is
    told to try again, and monitors and crawlers see a 503 they retry. The page itself needs
    no database (error_page.html).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
