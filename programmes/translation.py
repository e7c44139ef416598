from modeltranslation.translator import TranslationOptions, register

from scoculture.history import register_versioned

from .models import Festival, FieldOfStudy, Language, PriorityArea, Programme, University


@register([PriorityArea, Language, FieldOfStudy])
class VocabularyTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(University)
class UniversityTranslationOptions(TranslationOptions):
    fields = ("name", "city", "description")


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "organiser")


@register(Festival)
class FestivalTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "city", "venue", "organiser")


# Registered for versions here, after the translation options, so that every language's column
# is among the fields each version keeps (see scoculture.history).
register_versioned(Programme, Festival, University)
