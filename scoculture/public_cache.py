"""Cached public outputs (the sitemaps, the calendar) that never outlive the content they show.

Every key carries the content *generation*, a token kept in the cache itself: Redis when
REDIS_URL is set, so all workers share it. Saving or deleting a publishable record or a photo,
changing a many-to-many link, or an admin bulk action drops the token (`content_changed`);
the next request starts a new generation and builds afresh, and the old entries, never read
again, expire on their own.

Scheduled publishing changes what is public without any save: the token remembers the next
scheduled `published_at`, and the first request after that moment starts a new generation.

Keys name only the parameters a page reads, validated (`?p=` is a positive integer), so
`?p=2&x=<random>` is the entry of `?p=2`, and a bad value is a 404 that is never stored.

A per-process cache (no REDIS_URL) cannot tell the other workers of a change: there entries
live PUBLIC_CACHE_MAX_TIMEOUT seconds at most (settings).
"""

import hashlib
import time
import uuid
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import Http404, QueryDict
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from .models import Publishable

GENERATION_KEY = "public:generation"
# Browsers and proxies cannot be told of a change: they may keep a copy this long.
HTTP_MAX_AGE = 60


def next_scheduled_publication():
    """The earliest future `published_at` of a published record of any kind: one query."""
    now = timezone.now()
    per_model = [
        model._default_manager.filter(status=Publishable.Status.PUBLISHED, published_at__gt=now)
        .order_by()
        .values("status")
        .annotate(first=Min("published_at"))
        .values_list("first", flat=True)
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    first, *others = per_model
    return min(first.union(*others, all=True), default=None)


def generation():
    """The current content token; a new one when it was dropped or a scheduled time came."""
    state = cache.get(GENERATION_KEY)
    if state is None or (state["until"] is not None and time.time() >= state["until"]):
        scheduled = next_scheduled_publication()
        state = {
            "token": uuid.uuid4().hex,
            "until": scheduled.timestamp() if scheduled else None,
        }
        cache.set(GENERATION_KEY, state, timeout=None)
    return state["token"]


def content_changed(**kwargs):
    """Drop the token now, and again at commit: a page built meanwhile from the rows before
    the change must not stay under the token that follows it."""
    cache.delete(GENERATION_KEY)
    if transaction.get_connection(kwargs.get("using")).in_atomic_block:
        transaction.on_commit(lambda: cache.delete(GENERATION_KEY), using=kwargs.get("using"))


def watch(model):
    """Invalidate the cached public outputs whenever `model`'s rows or links change."""
    uid = f"public-cache:{model._meta.label}"
    post_save.connect(content_changed, sender=model, dispatch_uid=uid)
    post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"{uid}:{field.name}")


def watch_publishable_models():
    for model in apps.get_models():
        if issubclass(model, Publishable):
            watch(model)


def page_number(value):
    """?p= of a paginated page: a positive integer, else 404."""
    if not (value.isascii() and value.isdigit() and len(value) <= 9 and int(value) > 0):
        raise Http404("Page is not a positive integer.")
    return str(int(value))


def cache_key(request, query):
    raw = "|".join(
        [
            request.scheme,
            request.get_host(),  # checked against ALLOWED_HOSTS: a bounded set
            translation.get_language() or "",
            request.path,
            urlencode(sorted(query.items())),
        ]
    )
    return f"public:{generation()}:{hashlib.md5(raw.encode()).hexdigest()}"


def cached_public(timeout, params=None):
    """cache_page for public outputs: keyed by the generation and by `params`, a mapping of
    the query parameters the view reads to a function that validates one (Http404 if bad).
    Other parameters are dropped before the view sees them; only a 200 is stored."""
    params = params or {}

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            query = {
                name: convert(request.GET[name])
                for name, convert in params.items()
                if name in request.GET
            }
            request.GET = QueryDict(mutable=True)
            request.GET.update(query)
            key = cache_key(request, query)
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                if callable(getattr(response, "render", None)):
                    response = response.render()
                if response.status_code == 200 and not response.streaming and not response.cookies:
                    patch_cache_control(response, max_age=HTTP_MAX_AGE)
                    cache.set(key, response, _timeout(timeout))
            return response

        return wrapper

    return decorator


def _timeout(timeout):
    cap = getattr(settings, "PUBLIC_CACHE_MAX_TIMEOUT", None)
    return timeout if cap is None else min(timeout, cap)
