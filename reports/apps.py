from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Staff summary reports: counts grouped in the database, a table, an SVG chart, a CSV."""

    name = "reports"
    verbose_name = _("Reports")
