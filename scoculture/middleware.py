"""Request checks that belong to no single view."""

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
