from modeltranslation.translator import TranslationOptions, register

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
