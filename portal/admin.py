"""The admin of the core's countries, with their CSV export (the core cannot import exports)."""

from django.contrib import admin

from exports.admin import CSVExportAdminMixin
from scoculture.admin import PUBLISHING_FIELDSET, PublishableAdmin
from scoculture.models import Country


@admin.register(Country)
class CountryAdmin(CSVExportAdminMixin, PublishableAdmin):
    list_display = ("name", "code", "sco_status", "joined_year", "status")
    list_filter = ("sco_status", "status")
    search_fields = ("name", "name_en", "name_ru", "name_zh_hans", "code")
    prepopulated_fields = {"slug": ("name_en",)}
    ordering = ("name",)
    fieldsets = (
        (None, {"fields": ("name", "code", "sco_status", "joined_year", "description")}),
        PUBLISHING_FIELDSET,
    )
