from django.views.generic import DetailView, ListView

from .models import HeritageSite


class SiteListView(ListView):
    queryset = HeritageSite.objects.published().for_listing()
    template_name = "heritage/site_list.html"
    context_object_name = "sites"
    paginate_by = 24


class SiteDetailView(DetailView):
    queryset = HeritageSite.objects.published()
    template_name = "heritage/site_detail.html"
    context_object_name = "site"
