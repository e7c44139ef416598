from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UniversitiesConfig(AppConfig):
    """Universities and the SCO University network (priority areas)."""

    name = "universities"
    verbose_name = _("Universities")
