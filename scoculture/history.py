"""Versions of the content records (django-reversion): what each version keeps, the revisions
of bulk changes, and the field-by-field comparison of two versions that editors read.

A version keeps every field of its record, its many-to-many links (as the linked records'
keys) and every language: the language columns of django-modeltranslation (`title_en`,
`title_ru`, ...), not the language-neutral field they stand for (`title`), which only mirrors
the active language and would write one language over another on a revert.
"""

import datetime
import difflib
import re
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import connections, models, router
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Revision, Version

# reversion keeps each model's version options here; `add_to_revision` reads them the same way.
from reversion.revisions import _get_options as version_options


def translated_fields(model):
    """The language-neutral names of `model`'s translated fields (`title`, not `title_ru`)."""
    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


def register_versioned(*models, exclude=(), **options):
    """Keep versions of `models`; call after their translation options are registered."""
    for model in models:
        reversion.register(model, exclude=(*translated_fields(model), *exclude), **options)


def with_links(queryset):
    """`queryset` with its many-to-many links prefetched: a version keeps them."""
    return queryset.prefetch_related(*(field.name for field in queryset.model._meta.many_to_many))


def save_revisions(objects, user, comment):
    """A revision of its own for each record of `objects`, by `user`, in a few queries.

    One revision per record, not one for all: reverting one record to such a version must not
    revert the others. The admin's changelist runs inside a revision of its own, which would
    swallow nested ones, so these revisions are written directly (as `add_to_revision` does).
    Prefetch the records' links (`with_links`) or each record costs a query per link.
    """
    objects = list(objects)
    if not objects:
        return
    now = timezone.now()
    using = router.db_for_write(Revision)
    revisions = [Revision(date_created=now, user=user, comment=comment) for _ in objects]
    if connections[using].features.can_return_rows_from_bulk_insert:
        Revision.objects.using(using).bulk_create(revisions)
    else:
        for revision in revisions:
            revision.save(using=using)
    Version.objects.using(using).bulk_create(
        _version(obj, revision) for obj, revision in zip(objects, revisions, strict=True)
    )


def _version(obj, revision):
    options = version_options(type(obj))
    return Version(
        revision=revision,
        content_type=ContentType.objects.get_for_model(obj, options.for_concrete_model),
        object_id=str(getattr(obj, options.object_id_field)),
        db=router.db_for_write(type(obj), instance=obj),
        format=options.format,
        serialized_data=serializers.serialize(
            options.format,
            (obj,),
            fields=options.fields,
            use_natural_foreign_keys=options.use_natural_foreign_keys,
        ),
        object_repr=str(obj),
    )


@dataclass(frozen=True)
class Change:
    """One field that differs between two versions, each side as HTML to show."""

    label: str
    old: str
    new: str


def compare(model, old, new):
    """The fields that differ between versions `old` and `new` of a `model` record, in the
    model's field order: choices by their label, linked records by name, each language
    apart, text with the words removed and added marked. A few queries (one per kind of
    linked record), whatever the fields hold."""
    before, after = old.field_dict, new.field_dict
    fields = [
        field
        for field in (model._meta.get_field(name) for name in version_options(model).fields)
        if field.editable and _value(field, before) != _value(field, after)
    ]
    names = _linked_names(fields, before, after)
    changes = []
    for field in fields:
        old_text = _display(field, before.get(field.attname), names)
        new_text = _display(field, after.get(field.attname), names)
        if isinstance(field, (models.CharField, models.TextField)) and not field.choices:
            old_html, new_html = word_diff(old_text, new_text)
        else:
            old_html, new_html = escape(old_text), escape(new_text)
        changes.append(Change(str(field.verbose_name), old_html, new_html))
    return changes


def _value(field, values):
    value = values.get(field.attname)
    return sorted(value or ()) if field.many_to_many else value


def _linked_names(fields, *field_dicts):
    """{(model, pk): name} of every record the related fields of `fields` link to."""
    wanted = {}
    for field in fields:
        if not field.is_relation:
            continue
        for values in field_dicts:
            value = values.get(field.attname)
            keys = value if field.many_to_many else [value]
            wanted.setdefault(field.related_model, set()).update(k for k in keys or () if k)
    return {
        (related, key): str(obj)
        for related, keys in wanted.items()
        for key, obj in related._base_manager.in_bulk(keys).items()
    }


def _display(field, value, names):
    if field.many_to_many:
        return ", ".join(sorted(_name(field, key, names) for key in value or ())) or "–"
    if value is None or value == "":
        return "–"
    if field.is_relation:
        return _name(field, value, names)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(field, models.DateTimeField):
        return localize(timezone.localtime(value))
    return str(localize(value))


def _name(field, key, names):
    name = names.get((field.related_model, key))
    return name if name is not None else gettext("#%(key)s (deleted)") % {"key": key}


def word_diff(old, new):
    """(old, new) as HTML, the words only in `old` in <del>, those only in `new` in <ins>."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    old_html, new_html = [], []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if tag == "equal":
            old_html.append(escape(removed))
            new_html.append(escape(added))
            continue
        if removed:
            old_html.append(format_html("<del>{}</del>", removed))
        if added:
            new_html.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(old_html)), mark_safe("".join(new_html))  # noqa: S308 (escaped)


def purge_deleted(days):
    """Delete the versions of records deleted more than `days` days ago, and the revisions
    left empty; the history of records that still exist is kept whatever its age.

    A record's deletion in the admin is its last version ("Deleted"), so its age counts from
    the deletion; a record deleted elsewhere counts from its last saved version.
    Returns the number of versions deleted.
    """
    cutoff = timezone.now() - datetime.timedelta(days=days)
    purged = 0
    for model in reversion.get_registered_models():
        expired = (
            Version.objects.get_deleted(model)
            .filter(revision__date_created__lt=cutoff)
            .values_list("object_id", flat=True)
        )
        purged += (
            Version.objects.get_for_model(model).filter(object_id__in=list(expired)).delete()[0]
        )
    Revision.objects.filter(version__isnull=True).delete()
    return purged
