from modeltranslation.translator import TranslationOptions, register

from scoculture.history import register_versioned

from .models import HeritageSite


@register(HeritageSite)
class HeritageSiteTranslationOptions(TranslationOptions):
    fields = ("name", "region", "summary", "description")


# Registered for versions here, after the translation options, so that every language's column
# is among the fields each version keeps (see scoculture.history).
register_versioned(HeritageSite)
