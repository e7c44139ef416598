from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from exports.admin import CSVExportAdminMixin
from photos.admin import LocatorMapAdminMixin, PhotoAdminMixin
from scoculture.admin import PUBLISHING_FIELDSET, PublishableAdmin

from .models import HeritageSite


class TransboundaryFilter(admin.SimpleListFilter):
    title = _("transboundary")
    parameter_name = "transboundary"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        # The model's rule (HeritageSiteQuerySet.transboundary), as on the public list.
        if self.value() == "yes":
            return queryset.transboundary()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.transboundary().values("pk"))
        return queryset


@admin.register(HeritageSite)
class HeritageSiteAdmin(
    CSVExportAdminMixin, LocatorMapAdminMixin, PhotoAdminMixin, PublishableAdmin
):
    list_display = (
        "lead_thumbnail",
        "name",
        "country_list",
        "unesco_reference",
        "category",
        "year_inscribed",
        "in_danger",
        "status",
    )
    list_filter = (
        "status",
        "unesco_status",
        "category",
        "in_danger",
        TransboundaryFilter,
        "countries",
    )
    search_fields = (
        "name",
        "name_en",
        "name_ru",
        "name_zh_hans",
        "alternate_names",
        "unesco_reference",
        "region",
    )
    autocomplete_fields = ("countries",)
    prepopulated_fields = {"slug": ("name_en",)}
    date_hierarchy = "published_at"
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "alternate_names",
                    "countries",
                    "region",
                    "summary",
                    "description",
                )
            },
        ),
        (
            _("UNESCO"),
            {
                "fields": (
                    "unesco_status",
                    "unesco_reference",
                    "category",
                    "criteria",
                    "year_inscribed",
                    "in_danger",
                )
            },
        ),
        (
            _("Location and links"),
            {"fields": ("latitude", "longitude", "official_url", "virtual_tour_url")},
        ),
        PUBLISHING_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(country.name for country in obj.countries.all())
