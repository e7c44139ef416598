from modeltranslation.translator import TranslationOptions, register

from scoculture.history import register_versioned

from .models import FieldOfStudy, Language, Programme


@register([Language, FieldOfStudy])
class VocabularyTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "organiser")


# Registered for versions after the translation options, so that every language's column is
# among the fields each version keeps (see scoculture.history).
register_versioned(Programme)
