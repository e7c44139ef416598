"""Request checks that belong to no single view."""

import time

from django.core.exceptions import BadRequest


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
