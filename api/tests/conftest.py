import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with no request counted against its client (the cache is per process)."""
    cache.clear()
    yield
    cache.clear()
