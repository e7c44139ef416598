"""Anonymous visitors' pages from the cache: the whole response, built once per content
generation (scoculture.public_cache), so a save, publication, unpublication or deletion of any
record empties it at once (a new token that no stored page carries; no scan of keys), and so
does the moment a scheduled record is published or expires.

Only pages under a language prefix (/en/..., the public site) are cached, only for GET and
HEAD requests that carry no session or messages cookie: staff sign in and have a session,
visitors never get one, so a signed-in user is never served a stored page nor leaves theirs
behind. The key is the generation, the language, the host and the path with its query string
in a normal order. A response is stored only if it is a 200 that sets no cookie (a CSRF token
would) and that its view did not mark private or uncacheable (the staff preview is
`never_cache`).

Browsers get `Cache-Control: no-cache` and an ETag: they ask each time, and hear "304 Not
Modified" from the cache while the page is unchanged, but an unpublished record never lingers
in their copies (a max-age would keep it there).

The middleware sits just inside WhiteNoise: a stored page is answered before the session,
locale, CSRF, auth and CSP middleware run; their headers are in the stored response.

A page it builds for such a request (or every one of them, with the page cache off) carries
the generation as `request.public_generation`, read before the view reads any row: the
cards in it come from the fragment cache under that token (scoculture.fragment_cache). Other
requests (staff, previews) have none and render every card afresh.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.utils import InterfaceError, OperationalError
from django.utils.cache import cc_delim_re, get_conditional_response, set_response_etag
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path

from .public_cache import (
    GENERATION_KEY,
    building_under,
    capped_timeout,
    generation_state,
    is_current,
)

# Cookies that make a request someone's own: a session (staff), pending messages.
PERSONAL_COOKIES = ("messages",)
UNCACHEABLE = {"private", "no-store", "no-cache", "max-age=0"}


def page_language(request):
    """The language of an anonymous public request, whose page (and cards) may come from the
    cache, or None for any other."""
    if (
        request.method not in ("GET", "HEAD")
        or "preview" in request.GET
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or any(name in request.COOKIES for name in PERSONAL_COOKIES)
    ):
        return None
    return get_language_from_path(request.path_info)


def page_key(request, language):
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    raw = "|".join([request.scheme, request.get_host(), language, request.path, urlencode(query)])
    return f"page:{hashlib.md5(raw.encode()).hexdigest()}"


def storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = cc_delim_re.split(response.get("Cache-Control", "").lower())
    return not UNCACHEABLE.intersection(d.strip() for d in directives)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PUBLIC_PAGE_CACHE or settings.PUBLIC_FRAGMENT_CACHE):
            return self.get_response(request)
        language = page_language(request)
        if language is None:
            return self.get_response(request)
        if not settings.PUBLIC_PAGE_CACHE:
            return self.build_with_fragments(request)
        # One cache round trip for a stored page: the entry is filed under the URL alone and
        # holds the token it was built under, read with the current token. The token is read
        # before the rows: a page built from rows older than a change carries the token that
        # the change drops.
        key = page_key(request, language)
        try:
            found = cache.get_many([GENERATION_KEY, key])
            state = found.get(GENERATION_KEY)
            if not is_current(state):
                state = generation_state()
        except (OperationalError, InterfaceError):
            # Database down: the view below answers with the 503 page, which is not stored.
            return self.get_response(request)
        token, response = found.get(key) or (None, None)
        if token != state["token"]:
            if settings.PUBLIC_FRAGMENT_CACHE:
                request.public_generation = state
            with building_under(state):
                response = self.get_response(request)
            if not storable(response):
                return response
            set_response_etag(response)
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "no-cache"
            timeout = capped_timeout(settings.PUBLIC_PAGE_CACHE_TIMEOUT, state["until"])
            cache.set(key, (state["token"], response), timeout)
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    def build_with_fragments(self, request):
        try:
            request.public_generation = generation_state()
        except (OperationalError, InterfaceError):
            # Database down: no generation, and the view answers with the 503 page.
            return self.get_response(request)
        with building_under(request.public_generation):
            return self.get_response(request)
