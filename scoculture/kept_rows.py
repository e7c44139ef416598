"""A detail page's rows, read once per content generation and language and kept aside.

A detail page asks the database for its record and each related list (countries, universities,
sites, photos, the festivals of its country...): 5 to 8 queries, each about a millisecond of
Python to build, the larger part of the page. Visitors' requests read them from the cache
instead, as the cards are (`scoculture.fragment_cache`): filed under the content generation,
the language (names and orders are the language's), the model and the slug. Any save,
deletion, link change or bulk action ends the generation at once, a scheduled publication or
expiry at its time and midnight ("upcoming", "open") too, so a page never shows rows older
than what is public. Only requests that `PublicPageCacheMiddleware` marks with
`public_generation` read or store them (anonymous GET and HEAD, no session, no preview): staff
and previews always read the database. A 404 is never stored.
"""

from django.utils.translation import get_language

from .public_cache import kept


class KeptRowsMixin:
    """Before PublishedDetailView: the record (with the prefetches of `for_detail()`) and the
    page's related sections, `get_related(obj)` -> {context name: list of rows}, kept."""

    def get_related(self, obj):
        return {}

    def get_object(self, queryset=None):
        def rows():
            obj = super(KeptRowsMixin, self).get_object(queryset)
            return obj, self.get_related(obj)

        state = getattr(self.request, "public_generation", None)
        if state is None:
            obj, self.related = rows()
        else:
            opts = self.model._meta
            slug = self.kwargs[self.slug_url_kwarg]
            name = f"detail:{opts.label_lower}:{slug}:{get_language()}"
            obj, self.related = kept(name, rows)
        return obj

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.related, **kwargs)
