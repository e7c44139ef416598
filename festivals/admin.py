from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from exports.admin import CSVExportAdminMixin
from photos.admin import LocatorMapAdminMixin, PhotoAdminMixin
from scoculture.admin import PUBLISHING_FIELDSET, PublishableAdmin

from .models import Festival


@admin.register(Festival)
class FestivalAdmin(CSVExportAdminMixin, LocatorMapAdminMixin, PhotoAdminMixin, PublishableAdmin):
    list_display = (
        "lead_thumbnail",
        "title",
        "kind",
        "host_country",
        "city",
        "format",
        "start_date",
        "end_date",
        "status",
    )
    list_filter = ("status", "kind", "format", "sector", "host_country")
    list_select_related = ("host_country",)
    search_fields = ("title", "title_en", "title_ru", "title_zh_hans", "city", "organiser")
    autocomplete_fields = ("host_country", "participating_countries", "heritage_sites")
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "start_date"
    fieldsets = (
        (None, {"fields": ("title", "kind", "summary", "description", "edition")}),
        (
            _("Where and who"),
            {
                "fields": (
                    "host_country",
                    "city",
                    ("latitude", "longitude"),
                    "venue",
                    "participating_countries",
                    "organiser",
                    "sector",
                    "format",
                )
            },
        ),
        (_("Dates"), {"fields": ("start_date", "end_date")}),
        (_("Links"), {"fields": ("website", "heritage_sites")}),
        PUBLISHING_FIELDSET,
    )
