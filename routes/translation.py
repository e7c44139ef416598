from modeltranslation.translator import TranslationOptions, register

from scoculture.history import register_versioned

from .models import Route, RouteStop


@register(Route)
class RouteTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")


@register(RouteStop)
class RouteStopTranslationOptions(TranslationOptions):
    fields = ("name", "note")


# After the translation options (see scoculture.history). A route's version keeps its stops,
# so undoing a change of the route brings its stops back as they were.
register_versioned(RouteStop)
register_versioned(Route, follow=("stops",))
