"""A content generation's costly figures, built before any visitor asks for them.

Every change starts a new content generation (scoculture.public_cache), and its first request
counts what the later ones read: a list's facets and bounded count, the countries' and the
home page's figures. At a million programmes that first request takes one to two seconds
(README, "Pages at scale"). `warm()` requests the pages visitors open first, in every
language, through the site's own handler and middleware, once a generation: what they keep is
then read by visitors, and with the page cache on, the pages themselves are stored.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.urls import reverse
from django.utils import translation

from scoculture.public_cache import capped_timeout, generation_state
from scoculture.site_requests import site_environ

# The pages a visitor opens first (each list unfiltered, the countries and home), and the
# calendar that subscribed calendars fetch again and again (0.75 s to build at a million rows).
WARMED_PAGES = (
    "home",
    "calendar",
    "countries:country_list",
    "programmes:programme_list",
    "festivals:festival_list",
    "universities:university_list",
    "heritage:site_list",
    "routes:route_list",
)


def warmed_paths():
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths += [reverse(name) for name in WARMED_PAGES]
    return paths


def warm(url):
    """Request the warmed pages at `url` (the site's address), unless this content
    generation was warmed already (by this or another server sharing the cache): None then,
    else [(path, status code, milliseconds)] in the order requested."""
    environs = [site_environ(url, path) for path in warmed_paths()]  # ValueError first
    state = generation_state()
    marker = f"public:{state['token']}:warmed"
    if not cache.add(marker, True, capped_timeout(24 * 60 * 60, state["until"])):
        return None
    handler = WSGIHandler()
    # Each request activates its page's language in this thread: the caller's is restored.
    with translation.override(translation.get_language()):
        return [(environ["PATH_INFO"], *request(handler, environ)) for environ in environs]


def request(handler, environ):
    """(status code, milliseconds) of one GET through `handler`, its body read and closed
    as a server would (closing ends the request: Django's request_finished)."""
    started = time.perf_counter()
    statuses = []
    response = handler(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        for _chunk in response:
            pass
    finally:
        response.close()
    return int(statuses[0].split()[0]), round((time.perf_counter() - started) * 1000)
