"""What the editors' front page and changelists need to know about the state of the content.

The admin's index shows the signed-in editor a dashboard (`dashboard()`); every content
changelist offers the filter "missing translation" (`MissingTranslationFilter`). The questions
are asked per content model, a few queries each, never per record.
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Publishable, ReviewState

LIMIT = 8  # rows a dashboard section shows
# The other languages editors must fill in; English is the one every record is written in.
TRANSLATED_LANGUAGES = (("ru", _("Russian")), ("zh_hans", _("Chinese")))


def content_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def headline_fields(model):
    """The translated title (name) and summary (description) fields a reader sees first."""
    from modeltranslation.translator import translator

    translated = translator.get_options_for_model(model).all_fields
    title = next(name for name in ("title", "name") if name in translated)
    summary = next((name for name in ("summary", "description") if name in translated), None)
    return [name for name in (title, summary) if name]


def missing_translation(model, language):
    """Q of the records whose title or summary is empty in `language`."""
    condition = Q()
    for name in headline_fields(model):
        field = f"{name}_{language}"
        condition |= Q(**{field: ""}) | Q(**{f"{field}__isnull": True})
    return condition


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "translation_missing"

    def lookups(self, request, model_admin):
        return TRANSLATED_LANGUAGES

    def queryset(self, request, queryset):
        if self.value() in dict(TRANSLATED_LANGUAGES):
            return queryset.filter(missing_translation(queryset.model, self.value()))
        return queryset


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def changelist_url(model, query=""):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{query}" if query else url


def _rows(querysets, order, limit=LIMIT):
    """The first `limit` records of several models' querysets, merged in `order` (a key)."""
    rows = [record for queryset in querysets for record in queryset[:limit]]
    return sorted(rows, key=order)[:limit]


def row(record, when=None):
    """A dashboard line: the record, its kind, a date that matters, its admin page."""
    return {
        "label": str(record),
        "kind": record._meta.verbose_name,
        "when": getattr(record, when) if when else None,
        "url": change_url(record),
    }


def dashboard(user):
    """{section: rows} for the admin's index, limited to the models `user` may view."""
    now = timezone.now()
    models = [model for model in content_models() if user.has_perm(_perm(model, "view"))]
    by_update = {"order": lambda r: -r.updated_at.timestamp()}
    scheduled = _rows(
        [
            m.objects.filter(status=Publishable.Status.PUBLISHED, published_at__gt=now).order_by(
                "published_at"
            )
            for m in models
        ],
        order=lambda r: r.published_at,
    )
    return {
        "my_drafts": [row(r, "updated_at") for r in _my_recent_drafts(user, models)],
        "awaiting_review": [
            row(r, "updated_at")
            for r in _rows(
                [m.objects.filter(review_state=ReviewState.SUBMITTED) for m in models],
                **by_update,
            )
        ],
        "scheduled": [row(r, "published_at") for r in scheduled],
        "deadlines": [row(r, "application_deadline") for r in _deadlines(models)],
        "recently_changed": [
            row(r, "updated_at")
            for r in _rows([m.objects.order_by("-updated_at") for m in models], **by_update)
        ],
        "missing_translations": [
            {
                "model": model._meta.verbose_name_plural,
                "language": label,
                "count": count,
                "url": changelist_url(model, f"translation_missing={language}"),
            }
            for model in models
            for language, label in TRANSLATED_LANGUAGES
            if (count := model.objects.filter(missing_translation(model, language)).count())
        ],
    }


def _perm(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def _my_recent_drafts(user, models):
    """Drafts this user changed lately, newest change first (from the admin's own log)."""
    types = ContentType.objects.get_for_models(*models)
    model_of = {content_type.pk: model for model, content_type in types.items()}
    entries = LogEntry.objects.filter(user=user, content_type__in=list(model_of)).order_by(
        "-action_time"
    )[:200]
    wanted = {}
    for content_type_id, object_id in entries.values_list("content_type_id", "object_id"):
        wanted.setdefault(model_of[content_type_id], []).append(object_id)
    drafts = [
        model.objects.filter(pk__in=pks, status=Publishable.Status.DRAFT)
        for model, pks in wanted.items()
    ]
    return _rows(drafts, order=lambda r: -r.updated_at.timestamp())


def _deadlines(models):
    """Published programmes whose applications close within a fortnight."""
    programme = next((m for m in models if hasattr(m.objects, "closing_soon")), None)
    if programme is None:
        return []
    return list(
        programme.objects.published().closing_soon(days=14).order_by("application_deadline")[:LIMIT]
    )
