"""Bulk dumps: every published record of a kind, as CSV (the staff exporter of the kind) or
JSON (the API's serializer), at /api/v1/dumps/<kind>.csv|json.

A dump is built once, then served from the cache (Redis when REDIS_URL is set, shared by
every worker) under the content generation of scoculture.public_cache: saving, publishing or
deleting anything, a scheduled publication or expiry, and midnight start a new generation, so
the next request builds afresh and a dump never outlives the content it shows. The command
`build_dumps` builds them all ahead of visitors (run it from cron after midnight). Each
response carries the API's headers (licence, CORS, rate limit), an ETag and a Last-Modified.
"""

import hashlib
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header, http_date
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from exports.exporters import exporter_for_model, iter_csv
from scoculture.public_cache import capped_timeout, generation_state

from . import views

KINDS = {
    "programmes": views.ProgrammeViewSet,
    "festivals": views.FestivalViewSet,
    "universities": views.UniversityViewSet,
    "heritage-sites": views.HeritageSiteViewSet,
    "countries": views.CountryViewSet,
    "routes": views.RouteViewSet,
}
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
DUMP_TIMEOUT = 24 * 60 * 60  # a generation ends by midnight anyway


def build_csv(viewset, request):
    exporter = exporter_for_model(viewset.model)()  # published rows, the active language
    return b"".join(iter_csv(exporter))


def build_json(viewset, request):
    queryset = viewset().get_queryset().order_by("pk")
    serializer = viewset.serializer_class(queryset, many=True, context={"request": request})
    records = serializer.data
    document = {
        "licence": settings.OPEN_DATA_LICENCE,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "count": len(records),
        "results": records,
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


BUILDERS = {"csv": build_csv, "json": build_json}


def dump_key(request, kind, fmt, token):
    # The host and scheme too: the JSON's "url" fields are absolute.
    where = f"{request.scheme}://{request.get_host()}"
    return f"dump:{token}:{where}:{translation.get_language()}:{kind}.{fmt}"


def cached_dump(request, kind, fmt):
    """{"body", "etag", "built"} of a dump in the active language, from the cache or built."""
    state = generation_state()
    key = dump_key(request, kind, fmt, state["token"])
    dump = cache.get(key)
    if dump is None:
        body = BUILDERS[fmt](KINDS[kind], request)
        dump = {"body": body, "etag": f'"{hashlib.md5(body).hexdigest()}"', "built": time.time()}
        cache.set(key, dump, timeout=capped_timeout(DUMP_TIMEOUT, state["until"]))
    return dump


class DumpView(views.OpenDataMixin, APIView):
    """One kind in one format, whole; `?lang=` or Accept-Language as in the rest of the API."""

    schema = None  # a file, not an operation of the JSON API

    def get(self, request, kind, fmt):
        if kind not in KINDS or fmt not in FORMATS:
            raise NotFound()
        dump = cached_dump(request, kind, fmt)
        response = HttpResponse(dump["body"], content_type=FORMATS[fmt])
        response["ETag"] = dump["etag"]
        response["Last-Modified"] = http_date(dump["built"])
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{kind}.{fmt}"
        )
        return response
