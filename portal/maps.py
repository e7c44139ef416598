"""The map: heritage sites, festivals and universities that have coordinates, filtered by the
FilterSets of their lists, so a map shows exactly the located rows of the same list.

`show` picks one kind, with all of its list's filters; without it every kind is shown and only
the filters the three lists share (search and country) apply.
"""

from dataclasses import dataclass

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from festivals.filters import FestivalFilter
from heritage.filters import HeritageSiteFilter
from universities.filters import UniversityFilter

# Without JavaScript the page lists this many places of each kind, then links to the full list.
LIST_LIMIT = 100
SHARED_FILTERS = ("q", "country")


@dataclass(frozen=True)
class MapKind:
    name: str  # the value of ?show=
    label: str  # a heading: "Heritage sites"
    singular: str  # a popup's first line: "Heritage site"
    filterset_class: type
    title_field: str
    place_field: str
    list_url_name: str
    detail_url_name: str

    @property
    def model(self):
        return self.filterset_class._meta.model

    def located(self):
        return self.model.objects.published().filter(
            latitude__isnull=False, longitude__isnull=False
        )

    def url_pattern(self):
        """The detail URL with a stand-in for the slug: one reverse() for thousands of rows."""
        return reverse(self.detail_url_name, kwargs={"slug": "__slug__"})


KINDS = {
    kind.name: kind
    for kind in (
        MapKind(
            "heritage",
            _("Heritage sites"),
            _("Heritage site"),
            HeritageSiteFilter,
            "name",
            "region",
            "heritage:site_list",
            "heritage:site_detail",
        ),
        MapKind(
            "festivals",
            _("Festivals and events"),
            _("Festival or event"),
            FestivalFilter,
            "title",
            "city",
            "festivals:festival_list",
            "festivals:festival_detail",
        ),
        MapKind(
            "universities",
            _("Universities"),
            _("University"),
            UniversityFilter,
            "name",
            "city",
            "universities:university_list",
            "universities:university_detail",
        ),
    )
}


class MapForm(forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("Everything")), *((k.name, k.label) for k in KINDS.values())],
    )


@dataclass
class Layer:
    """One kind on the map: its FilterSet over the published rows that have coordinates."""

    kind: MapKind
    filterset: object
    list_query: str  # the filters that apply, for a link to the kind's own list

    @cached_property
    def rows(self):
        return self.filterset.qs.values(
            "slug", self.kind.title_field, self.kind.place_field, "latitude", "longitude"
        )

    def features(self):
        pattern = self.kind.url_pattern()
        for row in self.rows:
            yield {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(row["longitude"]), float(row["latitude"])],
                },
                "properties": {
                    "kind": self.kind.name,
                    "title": row[self.kind.title_field],
                    "place": row[self.kind.place_field],
                    "url": pattern.replace("__slug__", row["slug"]),
                },
            }

    @cached_property
    def count(self):
        return self.filterset.qs.count()

    def places(self):
        """The first LIST_LIMIT rows, each with its page's URL (the list without JavaScript)."""
        pattern = self.kind.url_pattern()
        return [
            {
                "title": row[self.kind.title_field],
                "place": row[self.kind.place_field],
                "url": pattern.replace("__slug__", row["slug"]),
            }
            for row in self.rows[:LIST_LIMIT]
        ]

    @property
    def more(self):
        return self.count > LIST_LIMIT

    @property
    def list_url(self):
        """The kind's own list with the same filters (it also shows rows without coordinates)."""
        url = reverse(self.kind.list_url_name)
        return f"{url}?{self.list_query}" if self.list_query else url


class MapFilter:
    """The map's filters: `show`, then the chosen kind's list filters (or the shared ones).

    Like the lists it is strict: any invalid value shows nothing and the form says why. `form`
    is the one form a visitor sees (show and the kind's fields, bound to the same data).
    """

    def __init__(self, data):
        self.data = data
        self.show_form = MapForm(data)
        show = self.show_form.cleaned_data["show"] if self.show_form.is_valid() else ""
        kinds = [KINDS[show]] if show else list(KINDS.values())
        kind_data = data.copy()
        for name in list(kind_data):
            if name in ("show", "page") or not (show or name in SHARED_FILTERS):
                del kind_data[name]
        list_query = kind_data.urlencode()
        self.layers = [
            Layer(kind, kind.filterset_class(kind_data, queryset=kind.located()), list_query)
            for kind in kinds
        ]
        self.show = show

    @cached_property
    def form(self):
        first = self.layers[0].filterset.form
        # Bound to the kind's data when one is shown (the festivals' default "upcoming" shows
        # as chosen), else to the visitor's, so an unknown `show` is an error on the form.
        data = first.data.copy() if self.show else self.data
        if self.show:
            data["show"] = self.show
        form = MapForm(data)
        names = first.fields if self.show else SHARED_FILTERS
        form.fields.update({name: first.fields[name] for name in names})
        return form

    def is_valid(self):
        return self.show_form.is_valid() and all(
            layer.filterset.form.is_valid() for layer in self.layers
        )

    @property
    def visible_layers(self):
        return self.layers if self.is_valid() else []

    @property
    def active(self):
        return bool(self.show) or any(layer.filterset.active for layer in self.layers)

    def query(self):
        """The filters as a query string, for the points of the same map."""
        data = self.data.copy()
        data.pop("page", None)
        return data.urlencode()

    def feature_collection(self):
        return {
            "type": "FeatureCollection",
            "features": [feature for layer in self.visible_layers for feature in layer.features()],
        }
