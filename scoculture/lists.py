"""The views every public page shares: a filtered list of 24 rows a page, and a detail page.

Both ask for the published rows at each request: a queryset kept in a class attribute would
keep the time of the import, and a record published since would stay a 404 until a restart.
"""

from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView
from django_filters.views import FilterView

from .pagination import PAGE_SIZE, CappedPaginator, SearchedListPaginator
from .seo import DetailPageMixin


class FilteredListView(FilterView):
    """A public list: name `filterset_class`, `template_name` and `context_object_name`.

    The rows are the FilterSet's (published, for_listing, filtered); an invalid form gives an
    empty page with the form's errors. A page past the end or not a number is a 404; the
    pages stop after MAX_PAGES (scoculture.pagination), and the list says so. A list searched
    by words lists its newest matches only (SearchedListPaginator), and says so too.
    """

    paginate_by = PAGE_SIZE
    paginator_class = CappedPaginator

    def get_queryset(self):
        return self.filterset_class._meta.model.objects.published().for_listing()

    def get_paginator(self, queryset, per_page, **kwargs):
        # A form with errors shows no rows, which cost no query to count.
        if not self.filterset.is_bound or self.filterset.form.is_valid():
            kwargs["kept_as"] = self.filterset.narrowing_key("count")
        if self.filterset.searched:
            return SearchedListPaginator(queryset, per_page, **kwargs)
        return super().get_paginator(queryset, per_page, **kwargs)

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


class PublishedDetailView(DetailPageMixin, DetailView):
    """A public detail page: name `model`; a record is found only while it is published.

    `?preview` lets staff who may view the record see it, draft or scheduled, exactly as
    visitors will (related drafts stay hidden), marked as a preview, never indexed nor cached.
    For anyone else the parameter changes nothing: a draft is a 404.
    """

    def is_preview(self):
        opts = self.model._meta
        user = self.request.user
        return (
            "preview" in self.request.GET
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        )

    def get_queryset(self):
        manager = self.model._default_manager
        queryset = manager.all() if self.is_preview() else manager.published()
        return queryset.for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=self.is_preview(), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
