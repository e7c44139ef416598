"""The cache is an accelerator, never a dependency.

With Redis down, slow or flushed, every page still answers from the database: django-redis
ignores the connection errors (a miss on read, nothing on write), short socket timeouts bound
what a slow Redis can cost, and the errors are logged once a minute per process rather than
once per request. Imported by the settings: no Django imports here.
"""

import logging
import threading
import time

CACHE_LOGGER = "scoculture.cache"


def redis_cache(url: str, timeout: float = 0.5) -> dict:
    """The CACHES entry for Redis at ``url``; ``timeout`` (seconds) bounds connect and reply."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "scoculture",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
        },
    }


class OncePerInterval(logging.Filter):
    """Lets one record through every ``seconds`` and counts the ones it holds back, so that
    an outage is reported every minute without one log line per request."""

    def __init__(self, seconds: float = 60, clock=time.monotonic):
        super().__init__()
        self.seconds = seconds
        self.clock = clock
        self.reset()

    def reset(self):
        self._lock = threading.Lock()
        self._last = None
        self._held_back = 0

    def filter(self, record):
        now = self.clock()
        with self._lock:
            if self._last is not None and now - self._last < self.seconds:
                self._held_back += 1
                return False
            held_back, self._held_back, self._last = self._held_back, 0, now
        if held_back:
            record.msg = f"{record.msg} (and {held_back} more since the last report)"
        return True
