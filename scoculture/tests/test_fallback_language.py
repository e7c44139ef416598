"""Text that falls back to English says so: lang="en" on it, and a notice on the page."""

import pytest
from django.urls import reverse
from django.utils import translation

from programmes.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def russian(client, url_name, *args):
    with translation.override("ru"):
        url = reverse(url_name, args=args)
    return client.get(url).content.decode()


def test_english_fallback_is_marked_in_russian_pages(client):
    programme = ProgrammeFactory(summary_en="Study in Almaty.", summary_ru="", description_en="")
    html = russian(client, "programmes:programme_detail", programme.slug)
    assert '<p class="lead" lang="en">Study in Almaty.</p>' in html
    assert 'class="notice notice--untranslated"' in html
    card = russian(client, "programmes:programme_list")
    assert '<p class="card__summary" lang="en">Study in Almaty.' in card


def test_translated_text_carries_no_mark(client):
    programme = ProgrammeFactory(
        title_ru="Учёба в Алматы", summary_en="Study in Almaty.", summary_ru="Учёба в Алматы."
    )
    programme.description_ru = programme.description_en
    programme.save()
    html = russian(client, "programmes:programme_detail", programme.slug)
    assert '<p class="lead">Учёба в Алматы.</p>' in html
    assert 'lang="en"' not in html.split("<main", 1)[1]
    assert 'class="notice notice--untranslated"' not in html


def test_a_festivals_edition_reads_in_the_pages_language_or_says_it_is_english(client):
    from festivals.tests.factories import FestivalFactory

    translated = FestivalFactory(edition_en="annual", edition_ru="ежегодно")
    untranslated = FestivalFactory(edition_en="first edition", edition_ru="")
    html = russian(client, "festivals:festival_detail", translated.slug)
    assert "<dd>ежегодно</dd>" in html and "annual" not in html
    html = russian(client, "festivals:festival_detail", untranslated.slug)
    assert '<dd lang="en">first edition</dd>' in html
    cards = russian(client, "festivals:festival_list")
    assert '<span class="badge badge--neutral">ежегодно</span>' in cards
    assert '<span class="badge badge--neutral" lang="en">first edition</span>' in cards
