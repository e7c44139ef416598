from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SCOCultureConfig(AppConfig):
    """The shared core: countries, the publishing base model and what every app uses."""

    name = "scoculture"
    verbose_name = _("SCO Culture")
