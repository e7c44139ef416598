from django.views.generic import DetailView, ListView

from .models import Festival, Programme, University


class ProgrammeListView(ListView):
    queryset = Programme.objects.published().for_listing()
    template_name = "programmes/programme_list.html"
    context_object_name = "programmes"
    paginate_by = 24


class ProgrammeDetailView(DetailView):
    queryset = Programme.objects.published()
    template_name = "programmes/programme_detail.html"
    context_object_name = "programme"


class FestivalListView(ListView):
    queryset = Festival.objects.published().for_listing()
    template_name = "programmes/festival_list.html"
    context_object_name = "festivals"
    paginate_by = 24


class FestivalDetailView(DetailView):
    queryset = Festival.objects.published()
    template_name = "programmes/festival_detail.html"
    context_object_name = "festival"


class UniversityListView(ListView):
    queryset = University.objects.published().for_listing()
    template_name = "programmes/university_list.html"
    context_object_name = "universities"
    paginate_by = 24


class UniversityDetailView(DetailView):
    queryset = University.objects.published()
    template_name = "programmes/university_detail.html"
    context_object_name = "university"
