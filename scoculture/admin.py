"""The editors' admin for the core models, and the base every content admin builds on."""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.options import IncorrectLookupParameters
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationAdmin

from .admin_changelist import ContentChangeList
from .admin_history import HistoryAdminMixin
from .editorial import TRANSLATED_LANGUAGES, MissingTranslationFilter, missing_translation
from .forms import PUBLISHERS_ONLY, ContentForm
from .models import Publishable, ReviewState
from .pagination import EstimatedCountPaginator
from .public_cache import content_changed

admin.site.site_header = _("SCO Culture editorial")
admin.site.site_title = _("SCO Culture")
admin.site.index_title = _("Content")
# The changelists need the width at 1280 px; the models are a click away on the front page.
admin.site.enable_nav_sidebar = False

PUBLISH_PERMISSION = "scoculture.publish_content"
PUBLISHING_ACTIONS = ("publish", "unpublish")

PUBLISHING_FIELDSET = (
    _("Publishing"),
    {
        "fields": (
            "slug",
            "status",
            "published_at",
            "expire_at",
            "review_state",
            "review_comment",
            "source",
            "is_example",
            "created_at",
            "updated_at",
            "opened_version",
        )
    },
)


class PublishableAdmin(HistoryAdminMixin, TabbedTranslationAdmin):
    """Publish/unpublish actions, history and undo, timestamps read-only (the apps add the
    CSV export with exports.admin.CSVExportAdminMixin)."""

    form = ContentForm
    # The export link and the recycle bin's.
    change_list_template = "admin/scoculture/change_list_history.html"
    actions = ["publish", "unpublish", "submit_for_review"]
    readonly_fields = ("created_at", "updated_at")
    list_per_page = 50
    # A filtered page counts its own rows for the paginator (up to a cap); not also the whole
    # table, and an unfiltered page of a big table takes PostgreSQL's estimate of its size.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    save_on_top = True

    def get_changelist(self, request, **kwargs):
        return ContentChangeList

    def get_paginator(self, request, queryset, per_page, **kwargs):
        paginator = super().get_paginator(request, queryset, per_page, **kwargs)
        if request.resolver_match and request.resolver_match.url_name == "autocomplete":
            # Suggestions say only whether more follow: count one row past the page asked for.
            try:
                page = max(int(request.GET.get("page", 1)), 1)
            except ValueError:
                page = 1
            paginator.cap = per_page * page + 1
        return paginator

    def get_changelist_instance(self, request):
        # The date drill-down turns a bad year into IncorrectLookupParameters only on
        # ValueError; a year past datetime's range raises OverflowError (a 500 otherwise).
        try:
            return super().get_changelist_instance(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error

    def has_publish_permission(self, request):
        return request.user.has_perm(PUBLISH_PERMISSION)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = self.has_publish_permission(request)
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += ("review_comment",)  # the publisher's word to the editor
        return readonly

    def get_list_filter(self, request):
        return (
            *super().get_list_filter(request),
            "review_state",
            "is_example",
            MissingTranslationFilter,
        )

    def changelist_view(self, request, extra_context=None):
        # A publishing action posted by an editor (a crafted form: the menu does not offer
        # it) gets the reason, not Django's "No action selected".
        action = request.POST.get("action") if request.method == "POST" else None
        if action in PUBLISHING_ACTIONS and not self.has_publish_permission(request):
            self.message_user(request, PUBLISHERS_ONLY, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        response = super().changelist_view(request, extra_context)
        cl = getattr(response, "context_data", {}).get("cl")
        if cl is not None and cl.paginator.truncated:
            # Django's note says "All 10000 selected" of the rows counted, not of the rows
            # an action would change.
            response.context_data["selection_note_all"] = gettext(
                "All selected (more than %(count)s)"
            ) % {"count": cl.result_count}
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.status == Publishable.Status.PUBLISHED:
            self.warn_untranslated(request, type(obj).objects.filter(pk=obj.pk))

    def warn_untranslated(self, request, queryset):
        """Publishing goes ahead, but the publisher hears what visitors will read in English."""
        for language, label in TRANSLATED_LANGUAGES:
            missing = queryset.filter(missing_translation(queryset.model, language)).count()
            if missing:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d published item has no %(language)s title or summary: "
                        "visitors will read English there.",
                        "%(count)d published items have no %(language)s title or summary: "
                        "visitors will read English there.",
                        missing,
                    )
                    % {"count": missing, "language": label},
                    messages.WARNING,
                )

    def log_state_change(self, request, queryset, message):
        """The history entry of a bulk action: update() itself records nothing."""
        LogEntry.objects.log_actions(
            request.user.pk, list(queryset), CHANGE, change_message=message, single_object=False
        )

    @admin.action(description=_("Submit selected drafts for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        chosen = queryset.filter(status=Publishable.Status.DRAFT).exclude(
            review_state=ReviewState.SUBMITTED
        )
        pks = list(chosen.values_list("pk", flat=True))
        updated = chosen.update(review_state=ReviewState.SUBMITTED, updated_at=timezone.now())
        self.record_revisions(request, pks, gettext("Submitted for review"))
        self.log_state_change(request, queryset.filter(pk__in=pks), "Submitted for review")
        self.message_user(
            request,
            ngettext("%d draft submitted for review.", "%d drafts submitted for review.", updated)
            % updated,
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish selected items"), permissions=["publish"])
    def publish(self, request, queryset):
        # Keep an existing (possibly scheduled) publication time; set "now" where none.
        # update() skips auto_now: stamp updated_at so open edit forms see the change.
        now = timezone.now()
        pks = list(
            queryset.exclude(status=Publishable.Status.PUBLISHED).values_list("pk", flat=True)
        )
        drafts = self.model._default_manager.filter(pk__in=pks)
        published = {"status": Publishable.Status.PUBLISHED, "review_state": "", "updated_at": now}
        updated = drafts.filter(published_at__isnull=False).update(**published) + drafts.filter(
            published_at__isnull=True
        ).update(published_at=now, **published)
        self.record_revisions(request, pks, gettext("Published"))
        content_changed()  # update() sends no post_save
        self.log_state_change(request, queryset.filter(pk__in=pks), "Published")
        self.warn_untranslated(request, queryset.filter(pk__in=pks))
        self.message_user(
            request,
            ngettext("%d item published.", "%d items published.", updated) % updated,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish selected items (back to draft)"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        pks = list(
            queryset.filter(status=Publishable.Status.PUBLISHED).values_list("pk", flat=True)
        )
        updated = self.model._default_manager.filter(pk__in=pks).update(
            status=Publishable.Status.DRAFT, updated_at=timezone.now()
        )
        self.record_revisions(request, pks, gettext("Unpublished"))
        content_changed()
        self.log_state_change(request, queryset.filter(pk__in=pks), "Unpublished")
        self.message_user(
            request,
            ngettext("%d item unpublished.", "%d items unpublished.", updated) % updated,
            messages.SUCCESS,
        )


class VocabularyAdmin(TranslationAdmin):
    """A short list editors maintain: languages, fields of study, priority areas."""

    show_full_result_count = False
    list_display = ("name", "slug")
    search_fields = ("name", "name_en", "name_ru", "name_zh_hans")
    prepopulated_fields = {"slug": ("name_en",)}
