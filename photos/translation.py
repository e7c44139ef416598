from modeltranslation.translator import TranslationOptions, register

from .models import Photo
from .versioning import register_versioned_photo


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    # Credit and licence are names and codes, the same in every language.
    fields = ("alt_text", "caption")


# Registered for versions here, after the translation options, so that every language's column
# is among the fields each version keeps (see scoculture.history).
register_versioned_photo(Photo)
