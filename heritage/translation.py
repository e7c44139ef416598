from modeltranslation.translator import TranslationOptions, register

from .models import HeritageSite


@register(HeritageSite)
class HeritageSiteTranslationOptions(TranslationOptions):
    fields = ("name", "region", "summary", "description")
