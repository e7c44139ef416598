"""Settings shared by every environment, read once from environment variables (12-factor)."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from scoculture.cache import CACHE_LOGGER, redis_cache

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A developer's .env is a convenience; in production the process environment wins.
# DJANGO_ENV_FILE names another file, or none when empty (the settings tests use that).
ENV_FILE = os.environ.get("DJANGO_ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    environ.Env.read_env(ENV_FILE, overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    # Failed admin logins lock the account out from that address for a while (README).
    "axes",
    "csp",
    # Versions of every content record: history, compare, revert, recover (README).
    "reversion",
    # The read-only open data API and its OpenAPI schema (README, "Open data API").
    "rest_framework",
    "drf_spectacular",
    # The project's apps, each using only those listed before it (pyproject: importlinter).
    "scoculture",
    "exports",
    "photos",
    "heritage",
    "routes",
    "universities",
    "programmes",
    "festivals",
    "reports",
    "portal",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a stored page for an anonymous visitor costs no middleware below.
    "scoculture.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "scoculture.middleware.AdminRejectsNulMiddleware",
    "scoculture.middleware.SlidingSessionMiddleware",
    # Innermost but for axes, so that it sees the views' database errors first.
    "scoculture.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lockout into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scoculture.urls"
WSGI_APPLICATION = "scoculture.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Each worker thread keeps its connection for a minute; the health check at the start of each
# request replaces one the server dropped (a restart), instead of answering an error with it.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A new connection waits this long for a restarting server (scoculture/postgres/base.py).
    DATABASES["default"]["ENGINE"] = "scoculture.postgres"
    DATABASES["default"]["CONNECT_WAIT"] = env.float("DJANGO_DB_CONNECT_WAIT", default=5)
    # Memory a sort or hash may take before it spills to disk. PostgreSQL's 4MB turns the
    # search's bitmap of a common word lossy at a million rows: every row rechecked (6.5 s
    # for "silk road"), against 0.56 s with 64MB. Set at connection start (a startup option).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c work_mem={env.str('DJANGO_DB_WORK_MEM', default='64MB')}"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction takes SQLite's write lock when it begins, not at its first write: two
    # admin saves queue up instead of both reading the old row (the edit-conflict check),
    # and a reader turning writer never fails with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set (shared by every app server), else a per-process memory cache.
# Redis down or slow is a cache miss, never an error page (scoculture.cache).
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, timeout=env.float("REDIS_TIMEOUT", default=0.5))}
else:
    # Django's 300 entries would be shared by a few pages and their cards: one list page
    # stores two dozen cards. 2,000 entries of at most ~40 kB (a page) bound a worker's share.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": env.int("DJANGO_LOCMEM_MAX_ENTRIES", default=2000)},
        }
    }
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = CACHE_LOGGER
# Cached public outputs (sitemaps, calendar) are dropped on every content change, through a
# key in the cache. A per-process cache cannot tell the other workers: keep them a minute.
PUBLIC_CACHE_MAX_TIMEOUT = None if REDIS_URL else 60
# Anonymous visitors' pages come from the cache (scoculture.page_cache), an hour at most;
# a content change, a scheduled publication or expiry, or midnight empties it sooner.
# The deployed code's name (a commit, an image tag): cached public outputs of another release
# are never read. Without it, a digest of the project's code (scoculture/release.py).
RELEASE = env("DJANGO_RELEASE", default="")
PUBLIC_PAGE_CACHE = env.bool("DJANGO_PAGE_CACHE", default=True)
PUBLIC_PAGE_CACHE_TIMEOUT = 60 * 60
# Pages built for them (the page cache off, or a page not stored yet) take each card from the
# cache (scoculture.fragment_cache), under the same generation and for as long as a page.
PUBLIC_FRAGMENT_CACHE = env.bool("DJANGO_FRAGMENT_CACHE", default=True)

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# django-axes: five failed logins for one username from one address lock that pair out for
# 15 minutes (an attacker cannot lock an editor out from everywhere); a success resets the
# count. Lockouts are logged by the "axes" logger and listed in the admin.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Lockouts are logged all the same; this only drops the banner every manage.py command prints.
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The client's address is REMOTE_ADDR, unless the deployment says how many proxies in front
# of it append to X-Forwarded-For: a header any client can write is never trusted by default.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# The open data API (README, "Open data API"): read-only JSON, no sign-in, no sessions; each
# client address may make OPEN_DATA_RATE_LIMIT requests (cached counts: Redis when set).
OPEN_DATA_RATE_LIMIT = env("OPEN_DATA_RATE_LIMIT", default="120/min") or None
OPEN_DATA_LICENCE = {
    "name": env("OPEN_DATA_LICENCE_NAME", default="CC BY 4.0"),
    "url": env("OPEN_DATA_LICENCE_URL", default="https://creativecommons.org/licenses/by/4.0/"),
}
# A list filter by a big table's rows (the programmes' university) offers them in a select
# while there are this many published at most; beyond, a text box with suggestions from the
# API, so that no page reads every row (README, "Pages at scale").
FILTER_SELECT_MAX_CHOICES = env.int("FILTER_SELECT_MAX_CHOICES", default=300)

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SCO Culture open data",
    "DESCRIPTION": (
        "The published programmes, festivals, universities, heritage sites, routes and "
        "countries of SCO Culture, read-only. Lists take the filters of their pages and page "
        "with a cursor (`next`); `?lang=` (en, ru, zh-hans) or Accept-Language picks the language. "
        f"The data are licensed under {OPEN_DATA_LICENCE['name']}."
    ),
    "VERSION": "1",
    "LICENSE": OPEN_DATA_LICENCE,
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

# Sessions (only staff have them) end after this long without a request; each request
# moves the end along (scoculture.middleware.SlidingSessionMiddleware).
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_IDLE_MINUTES", default=120) * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("zh-hans", _("Simplified Chinese")),
]
# The project's catalogues, then its Russian overrides of the admin's own strings (grammar:
# scoculture/admin_locale/ru/LC_MESSAGES/django.po); both win over the installed apps'.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "scoculture" / "admin_locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Content translations live in extra columns (title_ru, title_zh_hans); English fills the gaps.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The admin shows each language in a tab; jQuery UI is vendored, never loaded from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))

# Uploads go to S3-compatible object storage when a bucket is named, else under MEDIA_ROOT.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "default_acl": env("AWS_DEFAULT_ACL", default=None),
            # Photo file names are unique and never rewritten: cache them for a year.
            "file_overwrite": True,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }

# Content-Security-Policy (django-csp), the same on public pages and in the admin: scripts,
# styles and fonts only from this site's own static files, never inline; images also from
# the media storage's host when it is elsewhere (S3). Only what is listed may load.
MEDIA_ORIGINS = env.list("DJANGO_CSP_MEDIA_ORIGINS", default=[])
if AWS_STORAGE_BUCKET_NAME:
    # Where django-storages builds the photos' URLs: the custom domain, else the endpoint,
    # else AWS's own host for the bucket.
    media_host = (
        env("AWS_S3_CUSTOM_DOMAIN", default="")
        or env("AWS_S3_ENDPOINT_URL", default="")
        or f"{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    )
    parts = urlsplit(media_host if "//" in media_host else f"https://{media_host}")
    MEDIA_ORIGINS.append(f"{parts.scheme}://{parts.netloc}")
# The map (README, "Map"): with no tile server it draws the vendored country outlines alone.
# MAP_TILE_URL is a Leaflet URL template, e.g. https://{s}.tile.example.org/{z}/{x}/{y}.png;
# the policy below lets images load from its host ({s} becomes any subdomain).
MAP_TILE_URL = env("MAP_TILE_URL", default="")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", default="")
MAP_TILE_ORIGINS = []
if MAP_TILE_URL:
    tile_parts = urlsplit(MAP_TILE_URL)
    MAP_TILE_ORIGINS.append(f"{tile_parts.scheme}://{tile_parts.netloc.replace('{s}', '*')}")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS, *MAP_TILE_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Photo uploads: larger files or images are refused with a form error.
PHOTOS_MAX_UPLOAD_BYTES = env.int("PHOTOS_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
PHOTOS_MAX_PIXELS = env.int("PHOTOS_MAX_PIXELS", default=40_000_000)
# The font generated pictures write with; empty: Noto Sans CJK, DejaVu Sans or Pillow's own.
PHOTOS_FONT_PATH = env("PHOTOS_FONT_PATH", default="")
# A photo's files are written before its transaction commits; a save interrupted then leaves
# them behind. `cleanup_media` removes unreferenced files older than this, which must exceed
# the longest save (a 40-megapixel upload takes about 7 s; an admin form saving many photos
# at once, a minute or two).
PHOTOS_ORPHAN_MIN_AGE_MINUTES = env.int("PHOTOS_ORPHAN_MIN_AGE_MINUTES", default=10)

LOGIN_URL = "admin:login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {"once_a_minute": {"()": "scoculture.cache.OncePerInterval", "seconds": 60}},
    "loggers": {CACHE_LOGGER: {"filters": ["once_a_minute"]}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}
