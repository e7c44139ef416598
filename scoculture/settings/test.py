"""Test runs: fast hashing, a local-memory cache, plain static storage."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests pin what a page costs to build: the page cache is on only where a test turns it on
# (scoculture/tests/test_page_cache.py, test_cache_faults.py, test_database_faults.py).
PUBLIC_PAGE_CACHE = False
# So is the cache of cards (on in scoculture/tests/test_fragment_cache.py);
# DJANGO_FRAGMENT_CACHE=1 runs the suite with it.
PUBLIC_FRAGMENT_CACHE = env.bool("DJANGO_FRAGMENT_CACHE", default=False)
# Serve static files from the finders: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
