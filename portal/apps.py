from django.apps import AppConfig


class PortalConfig(AppConfig):
    """What spans every kind: home, country pages, search, sitemaps, RSS and calendar, demo data."""

    name = "portal"
    verbose_name = "Portal"
