"""Template helpers for the site's three languages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page (path and query string) in every language, for the switcher and hreflang.

    Built once per request: the page's head and its switcher both show them, and each link
    resolves the path and reverses it in its language."""
    request = context.get("request")
    current = get_language()
    built = getattr(request, "_language_links", None)
    if built is None or built[0] != current:
        built = (current, build_language_links(request, current))
        if request is not None:
            request._language_links = built
    return built[1]


def build_language_links(request, current):
    full_path = request.get_full_path() if request else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(full_path, code)
        links.append(
            {
                "code": code,
                "name_local": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "is_current": code == current,
            }
        )
    return links


@register.filter
def untranslated_fields(obj, field_names):
    """Which of the comma-separated fields fall back to English in the active language."""
    language = get_language()
    if not language or language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return []
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    missing = []
    for name in field_names.split(","):
        name = name.strip()
        translated = getattr(obj, build_localized_fieldname(name, language), None)
        original = getattr(obj, build_localized_fieldname(name, default), None)
        if original and not translated:
            missing.append(name)
    return missing


@register.filter
def fallback_lang(obj, field_name):
    """` lang="en"` for the element that shows `field_name` when it falls back to English,
    so that screen readers read it in an English voice; "" when it is translated."""
    if field_name not in untranslated_fields(obj, field_name):
        return ""
    return format_html(' lang="{}"', settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
