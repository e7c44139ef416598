"""Text that falls back to English says so: lang="en" on it, and a notice on the page."""

import pytest
from django.urls import reverse
from django.utils import translation

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory

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
    translated = FestivalFactory(edition_en="annual", edition_ru="ежегодно")
    untranslated = FestivalFactory(edition_en="first edition", edition_ru="")
    html = russian(client, "festivals:festival_detail", translated.slug)
    assert "<dd>ежегодно</dd>" in html and "annual" not in html
    html = russian(client, "festivals:festival_detail", untranslated.slug)
    assert '<dd lang="en">first edition</dd>' in html
    cards = russian(client, "festivals:festival_list")
    assert '<span class="badge badge--neutral">ежегодно</span>' in cards
    assert '<span class="badge badge--neutral" lang="en">first edition</span>' in cards


def test_a_name_in_english_only_says_so_on_its_card_and_its_page(client):
    """A site UNESCO names in no Chinese source: its English name is read in an English voice."""
    russia = CountryFactory(name="Russia")
    site = HeritageSiteFactory(
        name_en="Cultural Landscape of Kenozero Lake", name_zh_hans="", countries=[russia]
    )
    with translation.override("zh-hans"):
        url = site.get_absolute_url()
        page = client.get(url).content.decode()
        cards = client.get(reverse("heritage:site_list")).content.decode()
        country_page = client.get(russia.get_absolute_url()).content.decode()
    assert '<h1 lang="en">Cultural Landscape of Kenozero Lake</h1>' in page
    assert f'<a href="{url}" lang="en">Cultural Landscape' in cards
    assert f'<a href="{url}" lang="en">Cultural Landscape' in country_page
    named = HeritageSiteFactory(name_en="Samarkand", name_zh_hans="撒马尔罕")
    with translation.override("zh-hans"):
        assert "<h1>撒马尔罕</h1>" in client.get(named.get_absolute_url()).content.decode()
