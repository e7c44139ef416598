from modeltranslation.translator import TranslationOptions, register

from scoculture.history import register_versioned

from . import signals  # noqa: F401  (see below)
from .models import HeritageSite


@register(HeritageSite)
class HeritageSiteTranslationOptions(TranslationOptions):
    fields = ("name", "region", "summary", "description")


# Registered for versions here, after the translation options, so that every language's column
# is among the fields each version keeps (see scoculture.history). The country count's receivers
# (imported above) are connected first: reversion reads a site again when its links change,
# and receivers run in the order they were connected.
register_versioned(HeritageSite)
