"""Country-to-country cooperation: which pairs of countries share how many programmes and
festivals. The staff report (reports/) and the public explorer (portal/) both read it; the
counting is HostedQuerySet.country_pairs(), so each side decides only which rows count."""

from dataclasses import dataclass

from .models import Country


@dataclass
class Pair:
    """Two published countries (in alphabetical order) and the rows they share."""

    first: Country
    second: Country
    programmes: int
    festivals: int

    @property
    def total(self):
        return self.programmes + self.festivals


def cooperation_pairs(programmes=None, festivals=None) -> list[Pair]:
    """The pairs of published countries that share rows of `programmes` or `festivals`
    (HostedQuerySets, already filtered; None leaves a kind out), busiest first. Three queries
    at most: each kind's pairs, then the countries."""
    shared_programmes = programmes.country_pairs() if programmes is not None else {}
    shared_festivals = festivals.country_pairs() if festivals is not None else {}
    keys = shared_programmes.keys() | shared_festivals.keys()
    countries = Country.objects.published().in_bulk({pk for pair in keys for pk in pair})
    pairs = []
    for a, b in keys:
        if a in countries and b in countries:  # a draft country is never named
            first, second = sorted((countries[a], countries[b]), key=lambda c: c.name.casefold())
            counts = shared_programmes.get((a, b), 0), shared_festivals.get((a, b), 0)
            pairs.append(Pair(first, second, *counts))
    pairs.sort(key=lambda p: (-p.total, p.first.name.casefold(), p.second.name.casefold()))
    return pairs
