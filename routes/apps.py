from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutesConfig(AppConfig):
    """Tourism routes: ordered stops at heritage sites and cities, with their legs."""

    name = "routes"
    verbose_name = _("Tourism routes")

    def ready(self):
        # Stops are not Publishable, so scoculture does not watch them by itself: a stop
        # edited in the route's form must still renew the cached pages.
        from scoculture.public_cache import watch

        from .models import RouteStop

        watch(RouteStop)
