from modeltranslation.translator import TranslationOptions, register

from scoculture.history import register_versioned

from .models import PriorityArea, University


@register(PriorityArea)
class PriorityAreaTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(University)
class UniversityTranslationOptions(TranslationOptions):
    fields = ("name", "city", "description")


# Registered for versions after the translation options, so that every language's column is
# among the fields each version keeps (see scoculture.history).
register_versioned(University)
