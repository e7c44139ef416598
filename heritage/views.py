from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from photos.seo import MappedPageMixin
from scoculture.lists import FilteredListView, PublishedDetailView

from .filters import HeritageSiteFilter
from .models import HeritageSite
from .structured_data import site_json_ld

RELATED_LIMIT = 12  # other sites of the same countries shown on a site page


class SiteListView(FilteredListView):
    filterset_class = HeritageSiteFilter
    template_name = "heritage/site_list.html"
    context_object_name = "sites"


class SiteDetailView(MappedPageMixin, PublishedDetailView):
    model = HeritageSite
    template_name = "heritage/site_detail.html"
    context_object_name = "site"

    def get_breadcrumbs(self):
        return [(_("Heritage sites"), reverse("heritage:site_list"))]

    def get_json_ld(self):
        # The map is the site's image when it has no photo, and its `hasMap` always.
        return site_json_ld(
            self.request, self.object, image=self.page_image.url, map_url=self.map_url
        )

    def get_related(self, site):
        countries = site.published_countries
        return {
            "sibling_sites": list(
                HeritageSite.objects.published()
                .filter(countries__in=countries)
                .exclude(pk=site.pk)
                .distinct()
                .order_by("name")[:RELATED_LIMIT]
            )
            if countries
            else [],
            "routes": list(site.routes_through()),
        }
