"""What the home page lists (the SCO family, what closes soon, what comes next, the newest
inscriptions), selected once per content generation and language and kept aside.

The selection holds names and ordering in the active language, so it is kept under the
language too (`scoculture.public_cache.kept`). Any save, deletion, link change or bulk action
ends the generation at once, a scheduled publication or expiry at its time and midnight
("closing soon", "upcoming") too, so the lists are never older than the rows they show. The
rows themselves are rendered from the fragment cache (`templates/detail/_*_items.html`).
"""

from dataclasses import dataclass

from django.utils import translation

from festivals.models import Festival
from heritage.models import HeritageSite
from programmes.models import Programme
from scoculture.models import Country
from scoculture.public_cache import kept

SECTION_SIZE = 6


@dataclass(frozen=True)
class CountryLink:
    """A country as the home page names it: plain values, so the cache holds no model row."""

    name: str
    url: str
    sco_status: str


def select_sections():
    countries = [
        CountryLink(country.name, country.get_absolute_url(), country.sco_status)
        for country in Country.objects.published()
    ]
    return {
        "countries": countries,
        "closing_soon": list(
            Programme.objects.published()
            .closing_soon()
            .with_published("host_country")
            .order_by("application_deadline", "title")[:SECTION_SIZE]
        ),
        "upcoming_festivals": list(
            Festival.objects.published()
            .upcoming()
            .with_published("host_country")
            .order_by("start_date", "title")[:SECTION_SIZE]
        ),
        # No "featured" flag yet: the most recently inscribed World Heritage properties.
        "featured_sites": list(
            HeritageSite.objects.published().newest_inscriptions()[:SECTION_SIZE]
        ),
    }


def home_sections():
    """{"countries": [CountryLink], "closing_soon", "upcoming_festivals", "featured_sites":
    [rows]}, in the active language: selected by a generation's first request in it."""
    return kept(f"home-sections:{translation.get_language()}", select_sections)
