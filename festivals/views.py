from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from photos.seo import MappedPageMixin
from programmes.models import Programme
from programmes.views import RELATED_LIMIT
from scoculture.lists import FilteredListView, PublishedDetailView

from .filters import FestivalFilter
from .models import Festival
from .structured_data import festival_json_ld


class FestivalListView(FilteredListView):
    filterset_class = FestivalFilter
    template_name = "festivals/festival_list.html"
    context_object_name = "festivals"


class FestivalDetailView(MappedPageMixin, PublishedDetailView):
    model = Festival
    template_name = "festivals/festival_detail.html"
    context_object_name = "festival"
    og_type = "article"

    def get_breadcrumbs(self):
        return [(_("Festivals and events"), reverse("festivals:festival_list"))]

    def get_json_ld(self):
        return festival_json_ld(
            self.request, self.object, image=self.page_image.url, map_url=self.map_url
        )

    def get_related(self, festival):
        host = festival.published_host_country  # None while the country is a draft
        return {
            "country_programmes": list(
                Programme.objects.published()
                .involving_country(host.slug)
                .with_published("host_country")
                # No tie-break, so the index can stop after the first rows instead of sorting
                # every open programme of the country.
                .open_soonest_first()[:RELATED_LIMIT]
            )
            if host
            else []
        }
