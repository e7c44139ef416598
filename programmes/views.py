from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from photos.seo import LeadPhotoImageMixin
from scoculture.lists import FilteredListView, PublishedDetailView

from .filters import ProgrammeFilter
from .models import Programme
from .structured_data import programme_json_ld

RELATED_LIMIT = 6  # cross-links shown per kind on a detail page


class ProgrammeListView(FilteredListView):
    filterset_class = ProgrammeFilter
    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"


class ProgrammeDetailView(LeadPhotoImageMixin, PublishedDetailView):
    model = Programme
    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"
    og_type = "article"

    def get_breadcrumbs(self):
        return [(_("Programmes"), reverse("programmes:programme_list"))]

    def get_json_ld(self):
        return programme_json_ld(self.request, self.object, image=self.page_image.url)

    def get_related(self, programme):
        host = programme.published_host_country  # None while the country is a draft
        # The festivals app stands above this one: reached through the registry, not imported.
        festival = apps.get_model("festivals", "Festival")
        return {
            "country_festivals": list(
                festival.objects.published()
                .upcoming()
                .involving_country(host.slug)
                .with_published("host_country")
                .order_by("start_date")[:RELATED_LIMIT]
            )
            if host
            else []
        }
