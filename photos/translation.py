from modeltranslation.translator import TranslationOptions, register

from .models import Photo


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    # Credit and licence are names and codes, the same in every language.
    fields = ("alt_text", "caption")
