from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from exports.exporters import csv_response
from photos.seo import MappedPageMixin
from scoculture.lists import FilteredListView, PublishedDetailView

from .filters import UniversityFilter
from .models import University
from .network import NetworkMatrix
from .structured_data import university_json_ld


class UniversityListView(FilteredListView):
    filterset_class = UniversityFilter
    template_name = "universities/university_list.html"
    context_object_name = "universities"


class UniversityDetailView(MappedPageMixin, PublishedDetailView):
    model = University
    template_name = "universities/university_detail.html"
    context_object_name = "university"

    def get_breadcrumbs(self):
        return [(_("Universities"), reverse("universities:university_list"))]

    def get_json_ld(self):
        return university_json_ld(
            self.request, self.object, image=self.page_image.url, map_url=self.map_url
        )


class UniversityNetworkView(TemplateView):
    """Countries against priority areas; `?scope=all` counts every university, `?csv` downloads
    the table."""

    template_name = "universities/university_network.html"

    def get(self, request, *args, **kwargs):
        matrix = NetworkMatrix(members_only=request.GET.get("scope") != "all")
        if "csv" in request.GET:
            return csv_response(matrix)
        return self.render_to_response(self.get_context_data(matrix=matrix))
