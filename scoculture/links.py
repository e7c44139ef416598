"""Links to other sites: only http and https, whatever path writes or renders them.

A ``javascript:`` or ``data:`` URL stored by the ORM, a loader or an import (which skip the
admin form) would become a live ``href``. So every outside URL field is a ``WebURLField``
(model validation) with a ``web_url_constraint`` (the database refuses the rest), and pages
render outside URLs through ``web_url()`` (the ``safe_url`` filter) all the same.
"""

from django.core.validators import URLValidator
from django.db import models

WEB_SCHEMES = ("http", "https")
_PREFIXES = tuple(f"{scheme}://" for scheme in WEB_SCHEMES)


def web_url(value) -> str:
    """``value`` when it is an http(s) URL, else "" (so an ``{% if %}`` hides the link)."""
    if isinstance(value, str) and value[:8].lower().startswith(_PREFIXES):
        return value
    return ""


def web_url_q(field: str) -> models.Q:
    """Empty, or starting with http:// or https:// (any case), as the database checks it."""
    q = models.Q(**{field: ""})
    for prefix in _PREFIXES:
        q |= models.Q(**{f"{field}__istartswith": prefix})
    return q


class WebURLField(models.URLField):
    """A URLField that accepts http and https only (Django's default also takes ftp)."""

    default_validators = [URLValidator(schemes=list(WEB_SCHEMES))]


def web_url_constraint(prefix: str, field: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=web_url_q(field), name=f"{prefix}_{field}_http")


def blank_unsafe_urls(app_label: str, fields: list[tuple[str, str]]):
    """A migration operation: blank the stored URLs that ``web_url_constraint`` would refuse,
    so that the constraint can be added over data written before it existed."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        for model_name, field in fields:
            model = apps.get_model(app_label, model_name)
            model._base_manager.exclude(web_url_q(field)).update(**{field: ""})

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)
