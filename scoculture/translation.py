"""Visitor-facing text of the core models, in every language of settings.LANGUAGES."""

from modeltranslation.translator import TranslationOptions, register

from .history import register_versioned
from .models import Country


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name", "description")


# Registered for versions here, after the translation options, so that every language's column
# is among the fields each version keeps (see scoculture.history).
register_versioned(Country)
