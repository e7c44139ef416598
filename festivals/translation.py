from modeltranslation.translator import TranslationOptions, register

from scoculture.history import register_versioned

from .models import Festival


@register(Festival)
class FestivalTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "city", "venue", "organiser", "edition")


# Registered for versions after the translation options, so that every language's column is
# among the fields each version keeps (see scoculture.history).
register_versioned(Festival)
