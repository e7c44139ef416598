"""Cached public outputs (the sitemaps, the calendar, and every anonymous page through
scoculture.page_cache) that never outlive the content they show.

Every key carries the content *generation*, a token kept in the cache itself: Redis when
REDIS_URL is set, so all workers share it. Saving or deleting a publishable record, a
vocabulary entry (a language's name shows on cards) or a photo, changing a many-to-many link,
or an admin bulk action drops the token (`content_changed`);
the next request starts a new generation and builds afresh, and the old entries, never read
again, expire on their own.

Scheduled publishing and expiry change what is public without any save: the token remembers
the next future `published_at` or `expire_at`, and the first request after that moment starts
a new generation. So does the first one after midnight: "upcoming" moves with the date.

Keys name only the parameters a page reads, validated (`?p=` is a positive integer), so
`?p=2&x=<random>` is the entry of `?p=2`, and a bad value is a 404 that is never stored.

A per-process cache (no REDIS_URL) cannot tell the other workers of a change: there entries
live PUBLIC_CACHE_MAX_TIMEOUT seconds at most (settings).
"""

import datetime
import hashlib
import math
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
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

from .models import Publishable, Vocabulary
from .release import code_release

GENERATION_KEY = "public:generation"
# Browsers and proxies cannot be told of a change: they may keep a copy this long.
HTTP_MAX_AGE = 60


def next_scheduled_change():
    """The earliest future `published_at` or `expire_at` of a published record of any kind,
    the next moment what is public changes without a save: one query."""
    now = timezone.now()
    per_field = [
        model._default_manager.filter(status=Publishable.Status.PUBLISHED, **{f"{field}__gt": now})
        .order_by()
        .values("status")
        .annotate(first=Min(field))
        .values_list("first", flat=True)
        for model in apps.get_models()
        if issubclass(model, Publishable)
        for field in ("published_at", "expire_at")
    ]
    first, *others = per_field
    return min(first.union(*others, all=True), default=None)


def next_midnight():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))


def is_current(state):
    """Whether a generation read from the cache still holds: not ended by the clock, and made
    by this release of the code (a deployment starts a new one)."""
    return (
        state is not None
        and time.time() < state["until"]
        and state.get("release") == code_release()
    )


def generation_state():
    """The current content token and the time (a timestamp) it ends by itself; a new token
    when it was dropped, or a scheduled publication or expiry, or midnight, or a new release
    of the code came."""
    state = cache.get(GENERATION_KEY)
    if not is_current(state):
        # Pages also say "upcoming", "closes in 3 days": they change when the day does.
        ends = [next_midnight(), next_scheduled_change()]
        state = {
            "token": uuid.uuid4().hex,
            "until": min(end for end in ends if end is not None).timestamp(),
            "release": code_release(),
        }
        cache.set(GENERATION_KEY, state, timeout=None)
    return state


def generation():
    return generation_state()["token"]


def capped_timeout(timeout, until=None):
    """`timeout` seconds, cut to PUBLIC_CACHE_MAX_TIMEOUT (a per-process cache) and to the
    generation's end: an entry need not outlive the token it is filed under."""
    cap = getattr(settings, "PUBLIC_CACHE_MAX_TIMEOUT", None)
    if cap is not None:
        timeout = min(timeout, cap)
    if until is not None:
        timeout = min(timeout, max(1, math.ceil(until - time.time())))
    return timeout


# The generation an anonymous public request is built under (set by PublicPageCacheMiddleware,
# which reads it first): what the request keeps is filed under it without reading it again.
request_generation = ContextVar("request_generation", default=None)


@contextmanager
def building_under(state):
    """Run the block (a request) with `state` as the generation that `kept` files under."""
    reset = request_generation.set(state)
    try:
        yield
    finally:
        request_generation.reset(reset)


def kept(name, compute, timeout=24 * 60 * 60):
    """`compute()`, run once per content generation and kept in the cache until the
    generation ends: for figures that cost too much to build on every request. The token is
    read before the rows, as for pages: a value built across a change is filed under the
    token that the change drops."""
    state = request_generation.get() or generation_state()
    key = f"public:{state['token']}:kept:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, capped_timeout(timeout, state["until"]))
    return value


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


def watch_content_models():
    """Every publishable model, and the vocabularies (languages, fields of study, priority
    areas) whose names the cards and filter forms show."""
    for model in apps.get_models():
        if issubclass(model, (Publishable, Vocabulary)):
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
                    cache.set(key, response, capped_timeout(timeout))
            return response

        return wrapper

    return decorator
