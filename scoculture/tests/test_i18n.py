import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import translate_url
from django.utils import translation

from heritage.tests.factories import HeritageSiteFactory
from scoculture.templatetags import i18n_extras

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "accept,expected", [("ru-RU,ru;q=0.9", "/ru/"), ("zh-CN,zh;q=0.9", "/zh-hans/"), ("fr", "/en/")]
)
def test_root_sends_visitor_to_preferred_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def render(source, path="/en/heritage/?country=china&page=2", language="en", **context):
    request = RequestFactory().get(path)
    with translation.override(language):
        return Template(source).render(Context({"request": request, **context}))


def test_language_switcher_keeps_path_and_query_string():
    html = render("{% include 'includes/_language_switcher.html' %}")
    assert 'href="/ru/heritage/?country=china&amp;page=2"' in html
    assert 'href="/zh-hans/heritage/?country=china&amp;page=2"' in html
    assert 'href="/en/heritage/?country=china&amp;page=2"' in html
    assert "Русский" in html and "简体中文" in html


def test_hreflang_alternates_are_absolute():
    html = render("{% include 'includes/_hreflang.html' %}")
    assert 'hreflang="ru" href="http://testserver/ru/heritage/?country=china&amp;page=2"' in html


def test_a_page_translates_its_path_once_per_language(client, monkeypatch):
    """The head's hreflang links and the switcher share one set of links a request."""
    translated = []

    def counting(path, code):
        translated.append(code)
        return translate_url(path, code)

    monkeypatch.setattr(i18n_extras, "translate_url", counting)
    html = client.get("/ru/heritage/?page=1").content.decode()
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/heritage/?page=1"' in html
    assert 'href="/en/heritage/?page=1" hreflang="en"' in html
    assert sorted(translated) == ["en", "ru", "zh-hans"]


def test_untranslated_notice_only_when_falling_back():
    site = HeritageSiteFactory(
        name_en="Samarkand", name_ru="Самарканд", summary_en="Crossroads", summary_ru=""
    )
    source = (
        "{% include 'includes/_untranslated_notice.html' with obj=site fields='name,summary' %}"
    )
    assert "notice--untranslated" in render(source, language="ru", site=site)
    assert "notice--untranslated" not in render(source, language="en", site=site)
    site.summary_ru = "Перекрёсток культур"
    assert "notice--untranslated" not in render(source, language="ru", site=site)


def test_content_falls_back_to_english():
    site = HeritageSiteFactory(name_en="Historic Centre of Bukhara", name_zh_hans="")
    with translation.override("zh-hans"):
        assert site.name == "Historic Centre of Bukhara"
    site.name_zh_hans = "布哈拉历史中心"
    with translation.override("zh-hans"):
        assert site.name == "布哈拉历史中心"
