"""The content changelists' order once an editor searches or filters.

A searched or filtered list comes newest first (the primary key's index, read backwards until
a page of matches is found) unless the editor sorts by a column. In the title order no index
serves a narrowed list, because what editors look for correlates with the title: at a million
programmes PostgreSQL walked the title index past 750,000 rows before the first title holding
"silk" (5.3 s), and past 69,000 before the first published summer school (230 ms; such titles
begin "Summer School"). In the order rows were added the matches are spread evenly, so a page
of them comes after a few hundred rows (0.6 ms). The whole list keeps the title order, which
its index serves.
"""

from django.contrib.admin.views.main import ORDER_VAR, ChangeList


class ContentChangeList(ChangeList):
    newest_first = False

    def get_ordering(self, request, queryset):
        # `queryset` is filtered; the search comes after.
        narrowed = bool(queryset.query.where or self.query.strip())
        self.newest_first = narrowed and not self.params.get(ORDER_VAR)
        if self.newest_first:
            return ["-pk"]
        return super().get_ordering(request, queryset)

    def get_ordering_field_columns(self):
        # No column header claims the order.
        return {} if self.newest_first else super().get_ordering_field_columns()

    def get_results(self, request):
        super().get_results(request)
        if self.query.strip():
            # A search may match a few rows anywhere: what the template reads next (the date
            # drill-down's range) reads the counted rows. A date filter alone is a range of
            # the date's own index, which each drill-down step reads a row of.
            self.queryset = self.paginator.from_keys(self.queryset)
