"""Site-wide views: home, countries, the map and the cooperation explorer."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from exports.exporters import csv_response
from festivals.models import Festival
from programmes.models import Programme
from scoculture.kept_rows import KeptRowsMixin
from scoculture.lists import PublishedDetailView
from scoculture.models import Country

from .cooperation import CooperationExplorer, CooperationForm
from .counts import KINDS, country_shares, published_totals
from .home import home_sections
from .maps import LIST_LIMIT, MapFilter

# The heading of each group of the SCO family, on the home and the countries pages.
STATUS_HEADINGS = {
    Country.SCOStatus.MEMBER: _("Member states"),
    Country.SCOStatus.OBSERVER: _("Observer states"),
    Country.SCOStatus.DIALOGUE_PARTNER: _("Dialogue partners"),
}


class HomeView(TemplateView):
    """The front page: what closes soon, what comes next, heritage, the SCO family, counts."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = home_sections()
        countries = sections["countries"]
        context["countries_by_status"] = [
            (value, STATUS_HEADINGS[value], [c for c in countries if c.sco_status == value])
            for value in Country.SCOStatus.values
        ]
        context.update(
            (name, sections[name])
            for name in ("closing_soon", "upcoming_festivals", "featured_sites")
        )
        totals = published_totals()
        listed = [
            ("programmes", "programmes:programme_list"),
            ("festivals", "festivals:festival_list"),
            ("universities", "universities:university_list"),
            ("heritage_sites", "heritage:site_list"),
        ]
        context["counts"] = [
            (KINDS[kind]._meta.verbose_name_plural, totals[kind], reverse(name))
            for kind, name in listed
        ] + [(Country._meta.verbose_name_plural, len(countries), reverse("countries:country_list"))]
        return context


class CountryListView(ListView):
    """The SCO family grouped by status, each country with how much it has on the site."""

    template_name = "countries/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return Country.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        countries = sorted(self.object_list, key=lambda country: country.name.casefold())
        shares = country_shares()
        context["groups"] = [
            (
                status,
                STATUS_HEADINGS[status],
                [(c, shares.of(c)) for c in countries if c.sco_status == status],
            )
            for status in Country.SCOStatus
        ]
        return context


class CountryDetailView(KeptRowsMixin, PublishedDetailView):
    """Everything of one country, published only, reached through the reverse relations;
    kept per content generation and language for visitors (scoculture.kept_rows)."""

    model = Country
    template_name = "countries/country_detail.html"
    context_object_name = "country"
    section_size = 60

    def get_breadcrumbs(self):
        return [(_("Countries"), reverse("countries:country_list"))]

    def get_json_ld(self):
        return {
            "@context": "https://schema.org",
            "@type": "Country",
            "name": self.object.name,
            "identifier": self.object.code,
            "url": self.request.build_absolute_uri(self.object.get_absolute_url()),
            "image": self.page_image.url,  # countries have no photos: the site's picture
        }

    def get_related(self, country):
        related = {}
        sections = {
            "programmes": (
                Programme.objects.published().involving_country(country.slug),
                "programmes:programme_list",
            ),
            "festivals": (
                Festival.objects.published()
                .involving_country(country.slug)
                .with_published("host_country")
                .order_by("-start_date", "title"),
                "festivals:festival_list",
            ),
            "universities": (
                country.universities.published().with_published("country"),
                "universities:university_list",
            ),
            "heritage_sites": (
                country.heritage_sites.published().order_by("name"),
                "heritage:site_list",
            ),
        }
        for name, (queryset, list_url_name) in sections.items():
            # One query per section, however large: a few more rows than shown tell whether
            # to link to the full list, filtered by this country.
            rows = list(queryset[: self.section_size + 1])
            related[name] = rows[: self.section_size]
            if len(rows) > self.section_size:
                related[f"{name}_more_url"] = f"{reverse(list_url_name)}?country={country.slug}"
        return related


class MapView(TemplateView):
    """The map page: the filter form, then the places as a list of links, which a script turns
    into a map of the same places (the points come from `map_points`)."""

    template_name = "map/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        map_filter = MapFilter(self.request.GET)
        context.update(
            filter=map_filter,
            points_url=f"{reverse('map_points')}?{map_filter.query()}",
            list_limit=LIST_LIMIT,
        )
        return context


def map_points(request):
    """The map's points as GeoJSON, filtered as the map page is; invalid filters are a 400."""
    map_filter = MapFilter(request.GET)
    if not map_filter.is_valid():
        errors = {**map_filter.show_form.errors}
        for layer in map_filter.layers:
            errors.update(layer.filterset.form.errors)
        return JsonResponse({"errors": errors}, status=400)
    return JsonResponse(
        map_filter.feature_collection(),
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
    )


class CooperationView(TemplateView):
    """Pairs of countries and what they share, filtered by year, kind and country; a bad
    value shows the form's errors and no table."""

    template_name = "cooperation/explorer.html"

    def get_context_data(self, **kwargs):
        form = CooperationForm(self.request.GET)
        explorer = CooperationExplorer(form) if form.is_valid() else None
        # The list pages' filter form reads `filter.form` and `filter.active`.
        filters = {"form": form, "active": form.active}
        return super().get_context_data(filter=filters, explorer=explorer, **kwargs)


def cooperation_csv(request):
    """The explorer's table as CSV, for the same parameters; a bad value is a 400."""
    form = CooperationForm(request.GET)
    if not form.is_valid():
        errors = "; ".join(f"{name}: {' '.join(e)}" for name, e in form.errors.items())
        return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
    return csv_response(CooperationExplorer(form))
