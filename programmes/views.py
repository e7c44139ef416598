from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from scoculture.exports import csv_response
from scoculture.lists import FilteredListView, PublishedDetailView

from .filters import FestivalFilter, ProgrammeFilter, UniversityFilter
from .models import Festival, Programme, University
from .network import NetworkMatrix
from .structured_data import festival_json_ld, programme_json_ld, university_json_ld

RELATED_LIMIT = 6  # cross-links shown per kind on a detail page


class ProgrammeListView(FilteredListView):
    filterset_class = ProgrammeFilter
    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"


class ProgrammeDetailView(PublishedDetailView):
    model = Programme
    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"
    og_type = "article"

    def get_breadcrumbs(self):
        return [(_("Programmes"), reverse("programmes:programme_list"))]

    def get_json_ld(self):
        return programme_json_ld(self.request, self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        host = self.object.published_host_country  # None while the country is a draft
        context["country_festivals"] = (
            Festival.objects.published()
            .upcoming()
            .involving_country(host.slug)
            .with_published("host_country")
            .order_by("start_date")[:RELATED_LIMIT]
            if host
            else []
        )
        return context


class FestivalListView(FilteredListView):
    filterset_class = FestivalFilter
    template_name = "programmes/festival_list.html"
    context_object_name = "festivals"


class FestivalDetailView(PublishedDetailView):
    model = Festival
    template_name = "programmes/festival_detail.html"
    context_object_name = "festival"
    og_type = "article"

    def get_breadcrumbs(self):
        return [(_("Festivals and events"), reverse("programmes:festival_list"))]

    def get_json_ld(self):
        return festival_json_ld(self.request, self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        host = self.object.published_host_country  # None while the country is a draft
        context["country_programmes"] = (
            Programme.objects.published()
            .open_for_applications()
            .involving_country(host.slug)
            .with_published("host_country")
            # Soonest deadline first, rolling last; no tie-break, so the deadline index can
            # stop after the first rows instead of sorting every programme of the country.
            .order_by(F("application_deadline").asc(nulls_last=True))[:RELATED_LIMIT]
            if host
            else []
        )
        return context


class UniversityListView(FilteredListView):
    filterset_class = UniversityFilter
    template_name = "programmes/university_list.html"
    context_object_name = "universities"


class UniversityDetailView(PublishedDetailView):
    model = University
    template_name = "programmes/university_detail.html"
    context_object_name = "university"

    def get_breadcrumbs(self):
        return [(_("Universities"), reverse("programmes:university_list"))]

    def get_json_ld(self):
        return university_json_ld(self.request, self.object)


class UniversityNetworkView(TemplateView):
    """Countries against priority areas; `?scope=all` counts every university, `?csv` downloads
    the table."""

    template_name = "programmes/university_network.html"

    def get(self, request, *args, **kwargs):
        matrix = NetworkMatrix(members_only=request.GET.get("scope") != "all")
        if "csv" in request.GET:
            return csv_response(matrix)
        return self.render_to_response(self.get_context_data(matrix=matrix))
