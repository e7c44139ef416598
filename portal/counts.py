"""The site's figures: each kind's published total (the home page) and each country's share
(the countries list), counted once per content generation and kept aside.

Counting is the one part of these pages whose cost grows with the content: at a million
programmes the countries' correlated counts took 45 s a request and the home's totals half a
second. Here each kind is counted in grouped passes (`country_counts()` of its queryset) and
the figures are kept under the public content generation (`scoculture.public_cache.kept`):
any save, deletion, link change or bulk action ends it at once, a scheduled publication or
expiry at its time, so a figure is never older than the rows it counts. The first request of
a generation pays for the counting, every later one (every worker, with Redis) reads it.
"""

from dataclasses import dataclass

from festivals.models import Festival
from heritage.models import HeritageSite
from programmes.models import Programme
from scoculture.public_cache import kept
from universities.models import University

# The kinds counted, by the name a template reads.
KINDS = {
    "programmes": Programme,
    "festivals": Festival,
    "universities": University,
    "heritage_sites": HeritageSite,
}


def count_totals():
    return {kind: model.objects.published().count() for kind, model in KINDS.items()}


@dataclass(frozen=True)
class CountryShares:
    counts: dict  # country slug -> {kind: published rows it hosts, joins or holds}

    def of(self, country):
        """{kind: n} of `country`, every kind present (0 when it has none)."""
        counts = self.counts.get(country.slug, {})
        return {kind: counts.get(kind, 0) for kind in KINDS}


def count_country_shares():
    counts = {}
    for kind, model in KINDS.items():
        for slug, n in model.objects.published().country_counts().items():
            counts.setdefault(slug, {})[kind] = n
    return CountryShares(counts)


# Kept apart: the home page needs only the totals, the countries list only the shares.
def published_totals():
    return kept("published-totals", count_totals)


def country_shares():
    return kept("country-shares", count_country_shares)
