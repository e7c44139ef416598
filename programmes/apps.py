from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    """Exchange programmes and their vocabularies (fields of study, languages of instruction)."""

    name = "programmes"
    verbose_name = _("Programmes")
