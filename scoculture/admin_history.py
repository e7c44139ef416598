"""History and undo in the admin, on top of django-reversion's VersionAdmin.

VersionAdmin makes a revision of every save in the admin (who, when, the change message) and
gives "revert to this version" (itself saved as a new version) and the recycle bin of
deleted records. This mixin adds a paged history whose cost does not grow with the number
of versions, a field-by-field comparison of any two versions, and revisions for what the
admin changes without a form: deletions (so the recycle bin knows when and by whom a record
was deleted) and the changelist actions (`record_revisions`).
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from . import history

HISTORY_PAGE_SIZE = 100


class CompareForm(forms.Form):
    a = forms.IntegerField(min_value=1)
    b = forms.IntegerField(min_value=1)


class HistoryAdminMixin(VersionAdmin):
    """Compose before the translation admin: `class X(HistoryAdminMixin, TranslationAdmin)`."""

    object_history_template = "admin/scoculture/object_history.html"
    compare_template = "admin/scoculture/compare_versions.html"
    history_latest_first = True

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def versions_of(self, object_id):
        return (
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision__user")
            .order_by("-pk")
        )

    def history_view(self, request, object_id, extra_context=None):
        # Not VersionAdmin's history, which loads every version with its data: one page of
        # versions, without their data, in a fixed number of queries.
        page = Paginator(
            self.versions_of(unquote(object_id)).defer("serialized_data"), HISTORY_PAGE_SIZE
        ).get_page(request.GET.get("page"))
        context = {"versions": page, **(extra_context or {})}
        return super(VersionAdmin, self).history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(gettext("No such record."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        form = CompareForm(request.GET)
        if not form.is_valid():
            return HttpResponseBadRequest(gettext("Choose two versions to compare."))
        chosen = self.versions_of(str(obj.pk)).in_bulk(
            [form.cleaned_data["a"], form.cleaned_data["b"]]
        )
        if len(chosen) != len({form.cleaned_data["a"], form.cleaned_data["b"]}):
            raise Http404(gettext("No such version of this record."))
        old, new = (chosen[pk] for pk in sorted((form.cleaned_data["a"], form.cleaned_data["b"])))
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions: %s") % obj,
            "subtitle": None,
            "object": obj,
            "opts": opts,
            "module_name": str(opts.verbose_name_plural).capitalize(),
            "old": old,
            "new": new,
            "changes": history.compare(self.model, old, new),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context)

    def record_revisions(self, request, pks, comment):
        """A revision of each record in `pks`, as it is now, for a change made without a form."""
        records = history.with_links(self.model._default_manager.filter(pk__in=pks))
        history.save_revisions(records, request.user, comment)

    def delete_model(self, request, obj):
        self.record_revisions(request, [obj.pk], gettext("Deleted"))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        self.record_revisions(request, pks, gettext("Deleted"))
        super().delete_queryset(request, queryset)
