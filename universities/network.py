"""The SCO University network as a matrix: countries against the seven priority areas."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from exports.exporters import Exporter
from scoculture.models import Country

from .models import PriorityArea, University


class NetworkMatrix(Exporter):
    """Published universities by published country and priority area, three queries.

    Each cell counts the universities of one country that work in one area, and links to
    them in the university list; `members_only` keeps to the SCO University network.
    The same rows make the page's table and its CSV.
    """

    identifier = "sco-university-network"
    verbose_name = _("SCO University network")

    def __init__(self, members_only=True):
        super().__init__()
        self.members_only = members_only
        universities = University.objects.published()
        if members_only:
            universities = universities.network_members()
        counts = universities.count_by_country_and_area()
        self.areas = list(PriorityArea.objects.order_by("name"))
        self.countries = list(
            Country.objects.published()
            .filter(pk__in={country for country, _area in counts})
            .order_by("name")
        )
        self.rows = [
            (country, [self.cell(country, area, counts) for area in self.areas])
            for country in self.countries
        ]

    def cell(self, country, area, counts):
        count = counts.get((country.pk, area.pk), 0)
        query = {"country": country.slug, "area": area.slug}
        if self.members_only:
            query["member"] = "on"
        url = f"{reverse('universities:university_list')}?{urlencode(query)}" if count else ""
        return {"count": count, "url": url, "area": area}

    def header(self):
        return [gettext("Country"), *(area.name for area in self.areas)]

    def iter_data(self):
        for country, cells in self.rows:
            yield [country.name, *(cell["count"] for cell in cells)]
