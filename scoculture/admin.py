"""The editors' admin for the core models, and the base every content admin builds on."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from .admin_exports import CSVExportAdminMixin
from .forms import EditConflictForm
from .models import Country, Publishable

admin.site.site_header = _("SCO Culture editorial")
admin.site.site_title = _("SCO Culture")
admin.site.index_title = _("Content")

PUBLISHING_FIELDSET = (
    _("Publishing"),
    {
        "fields": (
            "slug",
            "status",
            "published_at",
            "source",
            "created_at",
            "updated_at",
            "opened_version",
        )
    },
)


class PublishableAdmin(CSVExportAdminMixin, TabbedTranslationAdmin):
    """Publish/unpublish and CSV export actions, timestamps read-only, newest changes first."""

    form = EditConflictForm
    actions = ["publish", "unpublish", "export_selected_csv"]
    readonly_fields = ("created_at", "updated_at")
    list_per_page = 50
    save_on_top = True

    @admin.action(description=_("Publish selected items"), permissions=["change"])
    def publish(self, request, queryset):
        # Keep an existing (possibly scheduled) publication time; set "now" where none.
        # update() skips auto_now: stamp updated_at so open edit forms see the change.
        now = timezone.now()
        drafts = queryset.exclude(status=Publishable.Status.PUBLISHED)
        updated = drafts.filter(published_at__isnull=False).update(
            status=Publishable.Status.PUBLISHED, updated_at=now
        ) + drafts.filter(published_at__isnull=True).update(
            status=Publishable.Status.PUBLISHED, published_at=now, updated_at=now
        )
        self.message_user(
            request,
            ngettext("%d item published.", "%d items published.", updated) % updated,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected items (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        updated = queryset.filter(status=Publishable.Status.PUBLISHED).update(
            status=Publishable.Status.DRAFT, updated_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext("%d item unpublished.", "%d items unpublished.", updated) % updated,
            messages.SUCCESS,
        )


@admin.register(Country)
class CountryAdmin(PublishableAdmin):
    list_display = ("name", "code", "sco_status", "joined_year", "status")
    list_filter = ("sco_status", "status")
    search_fields = ("name", "name_en", "name_ru", "name_zh_hans", "code")
    prepopulated_fields = {"slug": ("name_en",)}
    ordering = ("name",)
    fieldsets = (
        (None, {"fields": ("name", "code", "sco_status", "joined_year", "description")}),
        PUBLISHING_FIELDSET,
    )
