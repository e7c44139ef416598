from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    """Exchange programmes, festivals and events, and the universities that host them."""

    name = "programmes"
    verbose_name = _("Programmes and events")
