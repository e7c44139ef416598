from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FestivalsConfig(AppConfig):
    """Festivals and events."""

    name = "festivals"
    verbose_name = _("Festivals and events")
