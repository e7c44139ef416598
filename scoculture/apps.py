from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SCOCultureConfig(AppConfig):
    """The shared core: countries, the publishing base model and what every app uses."""

    name = "scoculture"
    verbose_name = _("SCO Culture")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed

        from . import public_cache
        from .middleware import mark_session_fresh
        from .permissions import grant_staff_status

        m2m_changed.connect(
            grant_staff_status,
            sender=get_user_model().groups.through,
            dispatch_uid="scoculture.grant_staff_status",
        )
        public_cache.watch_content_models()
        user_logged_in.connect(mark_session_fresh, dispatch_uid="scoculture.mark_session_fresh")
