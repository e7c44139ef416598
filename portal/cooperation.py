"""The public cooperation explorer: which countries work together through how many published
programmes and festivals, by year and kind, each count a link to the records behind it.

The counting is the staff report's (scoculture.cooperation); this module decides which rows
count from the visitor's choices and where each count leads: the programmes or festivals list
filtered to the two countries (`country` and `partner`), the year and the kind, so the list
shows exactly the records counted (tested cell by cell).
"""

from django import forms
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from exports.exporters import Exporter
from festivals.models import Festival
from programmes.models import Programme
from scoculture.cooperation import cooperation_pairs
from scoculture.filters import FIRST_YEAR, LAST_YEAR, country_choices

ALL_PROGRAMMES, ALL_FESTIVALS = "programmes", "festivals"
PROGRAMME_KIND, FESTIVAL_KIND = "programme-", "festival-"


def kind_choices():
    return [
        ("", _("Programmes and festivals")),
        (
            _("Programmes"),
            [
                (ALL_PROGRAMMES, _("All programmes")),
                *((PROGRAMME_KIND + value, label) for value, label in Programme.Kind.choices),
            ],
        ),
        (
            _("Festivals and events"),
            [
                (ALL_FESTIVALS, _("All festivals and events")),
                *((FESTIVAL_KIND + value, label) for value, label in Festival.Kind.choices),
            ],
        ),
    ]


class CooperationForm(forms.Form):
    """The explorer's filters; every one optional, a bad value a form error."""

    year = forms.IntegerField(
        label=_("Starting in (year)"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=kind_choices)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country")), *country_choices()]

    @property
    def active(self):
        """True when a filter narrows the matrix (for the "clear filters" link)."""
        return self.is_valid() and any(self.cleaned_data.values())

    def selection(self, model, all_value, prefix):
        """(queryset, list parameters) of one kind, or (None, None) when the kind is left out."""
        kind, year = self.cleaned_data["kind"], self.cleaned_data["year"]
        if kind and kind != all_value and not kind.startswith(prefix):
            return None, None
        queryset, params = model.objects.published(), {}
        if year:
            queryset, params["year"] = queryset.filter(start_date__year=year), year
        if kind.startswith(prefix):
            params["kind"] = kind.removeprefix(prefix)
            queryset = queryset.filter(kind=params["kind"])
        return queryset, params


class CooperationExplorer(Exporter):
    """The pairs of countries for a valid CooperationForm: the page's table and its CSV."""

    identifier = "cooperation"
    verbose_name = _("Country-to-country cooperation")

    def __init__(self, form):
        super().__init__()
        programmes, programme_params = form.selection(Programme, ALL_PROGRAMMES, PROGRAMME_KIND)
        festivals, festival_params = form.selection(Festival, ALL_FESTIVALS, FESTIVAL_KIND)
        if festival_params is not None and "year" not in festival_params:
            festival_params["when"] = "all"  # the festivals list opens on upcoming ones
        pairs = cooperation_pairs(programmes, festivals)
        if country := form.cleaned_data["country"]:
            pairs = [pair for pair in pairs if country in (pair.first.slug, pair.second.slug)]
        self.pairs = pairs
        self.rows = [
            {
                "pair": pair,
                "programmes_url": self.cell_url(
                    "programmes:programme_list", pair, pair.programmes, programme_params
                ),
                "festivals_url": self.cell_url(
                    "festivals:festival_list", pair, pair.festivals, festival_params
                ),
            }
            for pair in pairs
        ]

    @staticmethod
    def cell_url(list_name, pair, count, params):
        if not count:
            return ""
        query = {"country": pair.first.slug, "partner": pair.second.slug, **params}
        return f"{reverse(list_name)}?{urlencode(query)}"

    def header(self):
        return [
            gettext("Country"),
            gettext("Country"),
            gettext("Programmes"),
            gettext("Festivals and events"),
            gettext("Total"),
        ]

    def iter_data(self):
        for pair in self.pairs:
            yield [pair.first.name, pair.second.name, pair.programmes, pair.festivals, pair.total]
