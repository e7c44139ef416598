"""CSV exports in the admin: "export selected" and "export the whole changelist"."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .exporters import can_export, csv_response, exporter_for_model


class CSVExportAdminMixin:
    """For a ModelAdmin whose model has a registered ``ListExporter``.

    Both exports go through the same exporter and writer as the public list exports; only
    users with the export permission see or may use them.
    """

    change_list_template = "admin/exports/change_list_export.html"

    def _get_base_actions(self):
        # Offered beside the admin's own actions, without each admin listing it in `actions`.
        actions = super()._get_base_actions()
        if all(name != "export_selected_csv" for _, name, _ in actions):
            actions.append(self.get_action("export_selected_csv"))
        return actions

    def has_export_permission(self, request):
        return can_export(request.user) and exporter_for_model(self.model) is not None

    @admin.action(description=_("Export selected as CSV"), permissions=["export"])
    def export_selected_csv(self, request, queryset):
        return csv_response(exporter_for_model(self.model)(queryset=queryset))

    def export_changelist_view(self, request):
        """The changelist's rows with its filters, search and date drill-down applied."""
        if not (self.has_export_permission(request) and self.has_view_permission(request)):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseBadRequest("Unknown filter parameters.")
        # ChangeList.queryset: filters, search and ordering applied, before pagination.
        return csv_response(exporter_for_model(self.model)(queryset=changelist.queryset))

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_changelist_view),
                name=f"{opts.app_label}_{opts.model_name}_export",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "can_export": self.has_export_permission(request),
            # The changelist template the admin would use without exports, which the export
            # link's template extends.
            "export_base_template": super().change_list_template or "admin/change_list.html",
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)
