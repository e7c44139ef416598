from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from exports.admin import CSVExportAdminMixin
from photos.admin import LocatorMapAdminMixin, PhotoAdminMixin
from scoculture.admin import PUBLISHING_FIELDSET, PublishableAdmin, VocabularyAdmin

from .models import PriorityArea, University


@admin.register(PriorityArea)
class PriorityAreaAdmin(CSVExportAdminMixin, VocabularyAdmin):
    pass


@admin.register(University)
class UniversityAdmin(CSVExportAdminMixin, LocatorMapAdminMixin, PhotoAdminMixin, PublishableAdmin):
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
        (
            None,
            {
                "fields": (
                    "name",
                    "country",
                    "city",
                    ("latitude", "longitude"),
                    "website",
                    "description",
                )
            },
        ),
        (
            _("SCO University"),
            {"fields": ("sco_university_member", "sco_university_since", "priority_areas")},
        ),
        PUBLISHING_FIELDSET,
    )
