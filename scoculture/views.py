"""Site-wide views: home and countries."""

from django.views.generic import DetailView, ListView, TemplateView

from .models import Country


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        countries = Country.objects.published()
        context["countries_by_status"] = [
            (label, [c for c in countries if c.sco_status == value])
            for value, label in Country.SCOStatus.choices
        ]
        return context


class CountryListView(ListView):
    queryset = Country.objects.published()
    template_name = "countries/country_list.html"
    context_object_name = "countries"


class CountryDetailView(DetailView):
    queryset = Country.objects.published()
    template_name = "countries/country_detail.html"
    context_object_name = "country"
