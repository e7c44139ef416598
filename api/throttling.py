"""Per-client rate limits: a request count per address and period, kept in the default cache
(Redis when REDIS_URL is set, so every worker counts together; per process otherwise)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    """OPEN_DATA_RATE_LIMIT ("120/min"; None for no limit) per client address.

    The address is REMOTE_ADDR, or the one DJANGO_TRUSTED_PROXY_COUNT proxies put in
    X-Forwarded-For (REST_FRAMEWORK's NUM_PROXIES), never a header the client writes itself.
    The rate is read at each request, not at import as DRF's own throttles do.
    """

    scope = "open_data"

    def get_rate(self):
        return settings.OPEN_DATA_RATE_LIMIT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
