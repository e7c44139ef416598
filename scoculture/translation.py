"""Visitor-facing text of the core models, in every language of settings.LANGUAGES."""

from modeltranslation.translator import TranslationOptions, register

from .models import Country


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name", "description")
