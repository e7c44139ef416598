"""The view every public list shares: a FilterSet, its facet counts, 24 rows a page."""

from django_filters.views import FilterView

PAGE_SIZE = 24


class FilteredListView(FilterView):
    """A public list: name `filterset_class`, `template_name` and `context_object_name`.

    The rows are the FilterSet's (published, for_listing, filtered); an invalid form gives an
    empty page with the form's errors. A page past the end or not a number is a 404.
    """

    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return self.filterset_class._meta.model.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        # Facets first: they write their counts into the form's options before it renders.
        kwargs.setdefault("facets", self.filterset.facets)
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=1, on_ends=1
            )
        return context
