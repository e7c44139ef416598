from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from exports.admin import CSVExportAdminMixin
from photos.admin import PhotoAdminMixin
from scoculture.admin import PUBLISHING_FIELDSET, PublishableAdmin, VocabularyAdmin

from .models import FieldOfStudy, Language, Programme


@admin.register(FieldOfStudy)
class FieldOfStudyAdmin(CSVExportAdminMixin, VocabularyAdmin):
    pass


@admin.register(Language)
class LanguageAdmin(CSVExportAdminMixin, VocabularyAdmin):
    list_display = ("name", "code", "slug")
    search_fields = (*VocabularyAdmin.search_fields, "code")


@admin.register(Programme)
class ProgrammeAdmin(CSVExportAdminMixin, PhotoAdminMixin, PublishableAdmin):
    list_display = (
        "lead_thumbnail",
        "title",
        "kind",
        "host_country",
        "level",
        "format",
        "start_date",
        "application_deadline",
        "status",
    )
    list_filter = ("status", "kind", "level", "format", "sector", "funding", "host_country")
    list_select_related = ("host_country",)
    search_fields = ("title", "title_en", "title_ru", "title_zh_hans", "organiser", "summary")
    autocomplete_fields = (
        "host_country",
        "partner_countries",
        "host_universities",
        "fields_of_study",
        "languages",
        "heritage_sites",
    )
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "start_date"
    fieldsets = (
        (None, {"fields": ("title", "kind", "summary", "description")}),
        (
            _("Who"),
            {
                "fields": (
                    "host_country",
                    "partner_countries",
                    "host_universities",
                    "organiser",
                    "sector",
                )
            },
        ),
        (
            _("Study"),
            {"fields": ("level", "fields_of_study", "languages", "format", "places", "funding")},
        ),
        (_("Dates"), {"fields": ("start_date", "end_date", "application_deadline")}),
        (_("Links"), {"fields": ("website", "heritage_sites")}),
        PUBLISHING_FIELDSET,
    )
