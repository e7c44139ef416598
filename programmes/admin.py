from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from photos.admin import PhotoAdminMixin
from scoculture.admin import PUBLISHING_FIELDSET, PublishableAdmin
from scoculture.admin_exports import CSVExportAdminMixin

from .models import Festival, FieldOfStudy, Language, PriorityArea, Programme, University


@admin.register(PriorityArea, FieldOfStudy)
class VocabularyAdmin(CSVExportAdminMixin, TranslationAdmin):
    show_full_result_count = False
    actions = ["export_selected_csv"]
    list_display = ("name", "slug")
    search_fields = ("name", "name_en", "name_ru", "name_zh_hans")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Language)
class LanguageAdmin(VocabularyAdmin):
    list_display = ("name", "code", "slug")
    search_fields = (*VocabularyAdmin.search_fields, "code")


@admin.register(University)
class UniversityAdmin(PhotoAdminMixin, PublishableAdmin):
    list_display = (
        "lead_thumbnail",
        "name",
        "country",
        "city",
        "sco_university_member",
        "sco_university_since",
        "status",
    )
    list_filter = ("status", "sco_university_member", "priority_areas", "country")
    list_select_related = ("country",)
    search_fields = ("name", "name_en", "name_ru", "name_zh_hans", "city", "country__name")
    autocomplete_fields = ("country", "priority_areas")
    prepopulated_fields = {"slug": ("name_en",)}
    date_hierarchy = "published_at"
    fieldsets = (
        (None, {"fields": ("name", "country", "city", "website", "description")}),
        (
            _("SCO University"),
            {"fields": ("sco_university_member", "sco_university_since", "priority_areas")},
        ),
        PUBLISHING_FIELDSET,
    )


@admin.register(Programme)
class ProgrammeAdmin(PhotoAdminMixin, PublishableAdmin):
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


@admin.register(Festival)
class FestivalAdmin(PhotoAdminMixin, PublishableAdmin):
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
