"""Every page type in English, Russian and Chinese: translated navigation, same query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "zh-hans"]


@pytest.fixture
def content():
    country = CountryFactory(
        name_en="Uzbekistan", name_ru="Узбекистан", name_zh_hans="乌兹别克斯坦"
    )
    site = HeritageSiteFactory(
        name_en="Samarkand - Crossroad of Cultures",
        name_ru="Самарканд - перекресток культур",
        name_zh_hans="撒马尔罕——文化交汇之地",
        countries=[country],
    )
    university = UniversityFactory(country=country)
    programme = ProgrammeFactory(
        host_country=country, host_universities=[university], heritage_sites=[site]
    )
    festival = FestivalFactory(host_country=country, heritage_sites=[site])
    return {
        "country": country,
        "site": site,
        "university": university,
        "programme": programme,
        "festival": festival,
    }


def page_urls(content):
    return [
        reverse("home"),
        reverse("search") + "?q=Samarkand",
        reverse("programmes:programme_list"),
        reverse("festivals:festival_list"),
        reverse("universities:university_list"),
        reverse("heritage:site_list"),
        reverse("countries:country_list"),
        content["programme"].get_absolute_url(),
        content["festival"].get_absolute_url(),
        content["university"].get_absolute_url(),
        content["site"].get_absolute_url(),
        content["country"].get_absolute_url(),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders_with_translated_navigation(client, content, language):
    with translation.override(language):
        urls = page_urls(content)
        nav_labels = [translation.gettext(label) for label in ("Programmes", "Heritage")]
    if language != "en":
        assert nav_labels != ["Programmes", "Heritage"], "catalogue lacks the navigation"
    for url in urls:
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, url
        for label in nav_labels:
            assert label in html, (url, label)


@pytest.mark.parametrize("language", ["ru", "zh-hans"])
def test_content_is_shown_in_the_visitors_language(client, content, language):
    with translation.override(language):
        url = content["site"].get_absolute_url()
        expected = content["site"].name
    assert expected != "Samarkand - Crossroad of Cultures"
    assert expected in client.get(url).content.decode()


@pytest.mark.parametrize(
    "route", ["programmes:programme_list", "festivals:festival_list", "heritage:site_list"]
)
def test_list_query_count_is_the_same_in_every_language(client, content, route):
    counts = {}
    for language in LANGUAGES:
        with translation.override(language):
            url = reverse(route)
        client.get(url)  # warm caches that are not per language
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[language] = len(queries)
    assert len(set(counts.values())) == 1, counts


@pytest.mark.parametrize("query", ["Самарканд", "撒马尔罕"])
def test_search_finds_a_heritage_site_by_its_russian_and_chinese_name(client, content, query):
    for language in LANGUAGES:
        with translation.override(language):
            url = reverse("search")
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        with translation.override(language):
            site_url = content["site"].get_absolute_url()
        assert site_url in response.content.decode(), (language, query)
