from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeritageConfig(AppConfig):
    """UNESCO World Heritage sites of the SCO countries (and later routes and maps)."""

    name = "heritage"
    verbose_name = _("Cultural heritage")
