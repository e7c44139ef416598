from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from exports.admin import CSVExportAdminMixin
from scoculture.admin import PUBLISHING_FIELDSET, PublishableAdmin

from .models import Route, RouteStop

MIN_STOPS = 2


class StopFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not self.can_delete or not self._should_delete_form(form)
        ]
        if len(kept) < MIN_STOPS:
            raise forms.ValidationError(
                _("A route needs at least two stops: where it starts and where it ends.")
            )


class StopForm(forms.ModelForm):
    def clean_heritage_site(self):
        # An editor's rule, checked when the stop is written: a site unpublished later is
        # left out of the public page (RouteStop.visible), not an error of the stored route.
        site = self.cleaned_data.get("heritage_site")
        if site is not None and not site.is_published and site != self.initial_site():
            raise forms.ValidationError(
                _("This heritage site is not published: a route may only lead to published sites.")
            )
        return site

    def initial_site(self):
        return self.instance.heritage_site if self.instance.heritage_site_id else None


class StopInline(TranslationStackedInline):
    """The stops in order: a heritage site, or a city with its own coordinates."""

    model = RouteStop
    form = StopForm
    formset = StopFormSet
    extra = 2
    ordering = ("position", "pk")
    view_on_site = False  # a city stop has no page; a site's is a click away in its admin
    autocomplete_fields = ("heritage_site", "country")
    fields = (
        "position",
        ("heritage_site", "country"),
        "name",
        ("latitude", "longitude"),
        "note",
    )


@admin.register(Route)
class RouteAdmin(CSVExportAdminMixin, PublishableAdmin):
    list_display = ("title", "theme", "suggested_days", "stop_count", "status", "is_example")
    list_filter = ("status", "theme")
    search_fields = ("title", "title_en", "title_ru", "title_zh_hans", "stops__name")
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [StopInline]
    fieldsets = (
        (None, {"fields": ("title", "theme", "suggested_days", "summary", "description")}),
        PUBLISHING_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("stops")

    @admin.display(description=_("stops"))
    def stop_count(self, obj):
        return len(obj.stops.all())
