"""The read-only API: the published records of each kind, filtered as their pages filter.

Each view answers in the language of `?lang=` or, without it, of Accept-Language, with
English for any field not translated. Every response carries the
licence as a `Link: <...>; rel="license"` header and CORS headers that let any site read it;
successful GETs carry an ETag, and a request whose If-None-Match matches gets a 304.
"""

from functools import wraps

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import trans_real
from django.views.decorators.http import conditional_page
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from festivals.models import Festival
from heritage.models import HeritageSite
from programmes.models import Programme
from routes.models import Route
from scoculture.models import Country
from universities.models import University

from . import filters, serializers
from .pagination import KeyCursorPagination

MAX_AGE = 60  # seconds a browser or proxy may keep a response before asking again
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept-Language, If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Link, Retry-After, Content-Language",
    "Access-Control-Max-Age": "86400",
}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LANG_PARAMETER = OpenApiParameter(
    "lang",
    str,
    enum=LANGUAGE_CODES,
    description="Language of the translated fields (English where a field has no "
    "translation). Without it, the Accept-Language header chooses.",
)
SLUG_PARAMETER = OpenApiParameter(
    "slug", str, OpenApiParameter.PATH, pattern=r"^[-a-zA-Z0-9_]+$", required=True
)
ERROR = OpenApiResponse(OpenApiTypes.OBJECT, description="An error, with its reasons")


def licence_link():
    return f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'


def open_data(view):
    """ETags and 304s (Django's conditional GET), then the CORS and licence headers, so that
    the 304 carries them too."""
    conditional = conditional_page(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        if not getattr(response, "is_rendered", True):
            # The conditional check runs once the body is rendered and may swap in a 304:
            # render now, so the headers below go on the response that leaves.
            response = response.render()
        if request.method in ("GET", "HEAD", "OPTIONS"):
            for header, value in CORS_HEADERS.items():
                response.headers[header] = value
        response.headers["Link"] = licence_link()
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    return wrapped


def header_language(request):
    """The first supported language of Accept-Language, else English. Not the language
    cookie the site's pages set: a shared cache keys responses on the header (Vary)."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in trans_real.parse_accept_lang_header(header):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def activate_requested_language(request):
    """`?lang=` wins over Accept-Language; an unknown code is a 400 naming the known ones."""
    code = request.query_params.get("lang")
    if code is None:
        translation.activate(header_language(request))
        return
    code = code.lower().replace("_", "-")
    if code not in LANGUAGE_CODES:
        raise ValidationError(
            {"lang": [_("Unknown language; use one of: %(codes)s.") % {"codes": LANGUAGE_CODES}]}
        )
    translation.activate(code)


def documented(serializer):
    """The schema of a kind's list and detail: the language parameter and the errors."""
    return extend_schema_view(
        list=extend_schema(
            parameters=[LANG_PARAMETER],
            responses={200: serializer, 400: ERROR, 404: ERROR, 429: ERROR},
        ),
        retrieve=extend_schema(
            parameters=[LANG_PARAMETER, SLUG_PARAMETER],
            responses={200: serializer, 400: ERROR, 404: ERROR, 429: ERROR},
        ),
    )


class OpenDataMixin:
    @classmethod
    def as_view(cls, *args, **kwargs):
        return open_data(super().as_view(*args, **kwargs))

    def initial(self, request, *args, **kwargs):
        # First, so that every message of this response, errors included, is in that language.
        activate_requested_language(request)
        super().initial(request, *args, **kwargs)


class KindViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    """A kind's list (filters of its page, cursor pages) and its records by slug."""

    model = None
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    pagination_class = KeyCursorPagination
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        # Built at each request: a record published since the last one must appear.
        return self.model.objects.published().for_detail()


@documented(serializers.ProgrammeSerializer)
class ProgrammeViewSet(KindViewSet):
    """Exchange programmes. Filters as on the programmes page."""

    model = Programme
    serializer_class = serializers.ProgrammeSerializer
    filterset_class = filters.ProgrammeApiFilter


@documented(serializers.FestivalSerializer)
class FestivalViewSet(KindViewSet):
    """Festivals and events. As on the page, the list holds what is still to come unless
    `when`, `date_from` or `date_to` says otherwise (`when=all` for every one)."""

    model = Festival
    serializer_class = serializers.FestivalSerializer
    filterset_class = filters.FestivalApiFilter


@documented(serializers.UniversitySerializer)
class UniversityViewSet(KindViewSet):
    """Universities, most of them in the SCO University network."""

    model = University
    serializer_class = serializers.UniversitySerializer
    filterset_class = filters.UniversityApiFilter


@documented(serializers.HeritageSiteSerializer)
class HeritageSiteViewSet(KindViewSet):
    """World Heritage sites and tentative-list sites."""

    model = HeritageSite
    serializer_class = serializers.HeritageSiteSerializer
    filterset_class = filters.HeritageSiteApiFilter


@documented(serializers.RouteSerializer)
class RouteViewSet(KindViewSet):
    """Suggested tourism routes: ordered stops with their coordinates and the great-circle
    length of each leg. A stop at an unpublished heritage site is left out."""

    model = Route
    serializer_class = serializers.RouteSerializer
    filterset_class = filters.RouteApiFilter


@documented(serializers.CountrySerializer)
class CountryViewSet(KindViewSet):
    """The SCO's member states, observers and dialogue partners."""

    model = Country
    serializer_class = serializers.CountrySerializer
    filter_backends = []


class SchemaView(OpenDataMixin, SpectacularJSONAPIView):
    """The OpenAPI 3 schema, in JSON, at a URL that stays as long as v1 does.

    Building it takes a few hundred milliseconds and it changes only with the code, so each
    process builds it once per language (the filters' descriptions are translated).
    """

    built = {}  # language: (schema, Content-Disposition)

    def _get_schema_response(self, request):
        language = translation.get_language()
        if language not in self.built:
            response = super()._get_schema_response(request)
            self.built[language] = (response.data, response["Content-Disposition"])
        schema, disposition = self.built[language]
        return Response(schema, headers={"Content-Disposition": disposition})


class NotFoundView(OpenDataMixin, APIView):
    """Any other address under the API: a JSON 404 with the API's headers, not the site's
    HTML page, so clients read every error the same way."""

    schema = None  # not an operation

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound()
