"""The summary reports: each an exporter (header, then rows) with a chart.

Every count is made by the database (``values().annotate()``, or one SQL self-join for the
cooperation matrix: ``HostedQuerySet.country_pairs()``, which the public explorer shares) on
published content, in a fixed, small number of queries whatever the size of the tables. The
rows are the HTML table and the CSV alike.
"""

from collections import defaultdict
from functools import cached_property

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from exports.exporters import Exporter, register
from festivals.models import Festival
from heritage.models import HeritageSite
from programmes.models import Programme
from scoculture.cooperation import cooperation_pairs
from scoculture.models import Country

from . import charts

# A report names published countries only; content of the others is counted under this row.
UNPUBLISHED = "unpublished"


def country_names(ids):
    """{id: name in the active language} of the published countries among ``ids``, one query."""
    ids = {pk for pk in ids if pk is not None}
    return {country.pk: country.name for country in Country.objects.published().filter(pk__in=ids)}


HOST_COUNTRY_FIELDS = ("host_country__name", "host_country__status", "host_country__published_at")


def unpublished_country():
    return gettext("(unpublished country)")


def country_label(country):
    return country.name if country.is_published else unpublished_country()


class Report(Exporter):
    """A summary report: ``rows`` computed once, ``chart`` drawn from them."""

    def __init__(self, today=None):
        super().__init__()
        self.today = today or timezone.localdate()

    def get_filename(self, today=None):
        return super().get_filename(today or self.today)

    @cached_property
    def table(self):
        """(header, rows), computed once per report object."""
        raise NotImplementedError

    def header(self):
        return self.table[0]

    def iter_data(self):
        yield from self.table[1]

    def chart(self):
        return ""


class CrossTabReport(Report):
    """Counts by country (rows) and a second key (columns), with a total column."""

    column_title = ""

    def counts(self):
        """[(country id, key, value), ...] from one grouped query."""
        raise NotImplementedError

    def column_label(self, key):
        return str(key)

    def column_order(self, key):
        return (key is None, key)

    @cached_property
    def table(self):
        counts = list(self.counts())
        names = country_names(country for country, _key, _value in counts)
        names[UNPUBLISHED] = unpublished_country()
        cells = defaultdict(int)
        keys = set()
        for country, key, value in counts:
            if country is not None and country not in names:
                country = UNPUBLISHED
            cells[country, key] += value or 0
            keys.add(key)
        self.keys = sorted(keys, key=self.column_order)
        totals = defaultdict(int)
        for (country, _key), value in cells.items():
            totals[country] += value
        countries = sorted(totals, key=lambda c: (-totals[c], names.get(c, "").casefold()))
        header = [
            gettext("Country"),
            *(self.column_label(key) for key in self.keys),
            gettext("Total"),
        ]
        rows = [
            [
                names.get(country, gettext("(no country)")),
                *(cells.get((country, key), 0) for key in self.keys),
                totals[country],
            ]
            for country in countries
        ]
        return header, rows

    def chart(self):
        header, rows = self.table
        series = [
            (header[1 + index], [row[1 + index] for row in rows]) for index in range(len(self.keys))
        ]
        return charts.stacked_bars(str(self.verbose_name), [row[0] for row in rows], series)


@register
class ProgrammesByCountryKind(CrossTabReport):
    identifier = "report-programmes-by-country-and-kind"
    verbose_name = _("Programmes by host country and kind")
    description = _("Published programmes, counted by the country that hosts them and kind.")

    def counts(self):
        return (
            Programme.objects.published()
            .order_by()
            .values_list("host_country", "kind")
            .annotate(n=Count("pk"))
        )

    def column_label(self, key):
        return str(Programme.Kind(key).label) if key in Programme.Kind.values else key


@register
class FestivalsByCountryYear(CrossTabReport):
    identifier = "report-festivals-by-country-and-year"
    verbose_name = _("Festivals and events by host country and year")
    description = _(
        "Published festivals and events, by host country and the year they start "
        "(“no date” when the start date is not known)."
    )

    def counts(self):
        return (
            Festival.objects.published()
            .order_by()
            .values_list("host_country", ExtractYear("start_date"))
            .annotate(n=Count("pk"))
        )

    def column_label(self, key):
        return gettext("no date") if key is None else str(key)


@register
class HeritageByCountryCategory(CrossTabReport):
    identifier = "report-heritage-by-country-and-category"
    verbose_name = _("Heritage sites by country and category")
    description = _(
        "Published heritage sites by country and category. A transboundary site counts once "
        "for each of its countries, so the totals add up to more than the number of sites."
    )

    def counts(self):
        return (
            HeritageSite.objects.published()
            .order_by()
            .values_list("countries", "category")
            .annotate(n=Count("pk", distinct=True))
        )

    def column_label(self, key):
        return str(HeritageSite.Category(key).label) if key in HeritageSite.Category.values else key


@register
class PlacesByCountryYear(CrossTabReport):
    identifier = "report-places-by-country-and-year"
    verbose_name = _("Places offered by host country and year")
    description = _(
        "The sum of the places offered by published programmes, by host country and the year "
        "the programme starts. Programmes that give no number of places add nothing."
    )

    def counts(self):
        return (
            Programme.objects.published()
            .order_by()
            .values_list("host_country", ExtractYear("start_date"))
            .annotate(places=Sum("places"))
        )

    def column_label(self, key):
        return gettext("no date") if key is None else str(key)


@register
class CooperationMatrix(Report):
    identifier = "report-cooperation-matrix"
    verbose_name = _("Country-to-country cooperation")
    description = _(
        "For each pair of countries, how many published programmes (host and partner "
        "countries) and festivals (host and participating countries) they share."
    )

    @cached_property
    def table(self):
        pairs = cooperation_pairs(Programme.objects.published(), Festival.objects.published())
        rows = [
            [pair.first.name, pair.second.name, pair.programmes, pair.festivals, pair.total]
            for pair in pairs
        ]
        header = [
            gettext("Country"),
            gettext("Country"),
            gettext("Programmes"),
            gettext("Festivals and events"),
            gettext("Total"),
        ]
        return header, rows

    def chart(self):
        _header, rows = self.table
        labels = sorted({name for row in rows for name in row[:2]}, key=str.casefold)
        index = {name: i for i, name in enumerate(labels)}
        values = {}
        for a, b, _p, _f, total in rows:
            i, j = sorted((index[a], index[b]))
            values[i, j] = total
        return charts.heatmap(str(self.verbose_name), labels, values)


@register
class StaleContent(Report):
    identifier = "report-stale-content"
    verbose_name = _("Stale content")
    description = _(
        "Published programmes whose application deadline has passed, and published festivals "
        "that are over (end date, or start date when there is no end date, before today) with "
        "no later festival of the same kind in the same host country published: the list "
        "still shows an event that has nothing upcoming to point to. Update or unpublish them."
    )

    @cached_property
    def table(self):
        today = self.today
        programmes = (
            Programme.objects.published()
            .filter(application_deadline__lt=today)
            .select_related("host_country")
            .only("title", "slug", "application_deadline", *HOST_COUNTRY_FIELDS)
            .order_by("application_deadline", "pk")
        )
        newer = Festival.objects.published().filter(
            host_country=OuterRef("host_country"),
            kind=OuterRef("kind"),
            start_date__gt=OuterRef("start_date"),
        )
        festivals = (
            Festival.objects.published()
            .filter(Q(end_date__lt=today) | Q(end_date__isnull=True, start_date__lt=today))
            .filter(~Exists(newer))
            .select_related("host_country")
            .only("title", "slug", "start_date", "end_date", *HOST_COUNTRY_FIELDS)
            .order_by("end_date", "start_date", "pk")
        )
        rows = [
            [
                gettext("Programme"),
                programme.title,
                country_label(programme.host_country),
                gettext("application deadline"),
                programme.application_deadline,
                (today - programme.application_deadline).days,
                reverse("admin:programmes_programme_change", args=[programme.pk]),
            ]
            for programme in programmes
        ]
        for festival in festivals:
            ended = festival.end_date or festival.start_date
            rows.append(
                [
                    gettext("Festival or event"),
                    festival.title,
                    country_label(festival.host_country),
                    gettext("end date") if festival.end_date else gettext("start date"),
                    ended,
                    (today - ended).days,
                    reverse("admin:festivals_festival_change", args=[festival.pk]),
                ]
            )
        header = [
            gettext("Type"),
            gettext("Title"),
            gettext("Host country"),
            gettext("Date passed"),
            gettext("Date"),
            gettext("Days ago"),
            gettext("Edit"),
        ]
        return header, rows

    def chart(self):
        _header, rows = self.table
        by_country = defaultdict(lambda: [0, 0])
        programme = gettext("Programme")
        for row in rows:
            by_country[row[2]][0 if row[0] == programme else 1] += 1
        countries = sorted(by_country, key=lambda c: (-sum(by_country[c]), c.casefold()))
        return charts.stacked_bars(
            str(self.verbose_name),
            countries,
            [
                (gettext("Programmes"), [by_country[c][0] for c in countries]),
                (gettext("Festivals and events"), [by_country[c][1] for c in countries]),
            ],
        )


REPORTS = [
    ProgrammesByCountryKind,
    FestivalsByCountryYear,
    HeritageByCountryCategory,
    PlacesByCountryYear,
    CooperationMatrix,
    StaleContent,
]
