import pytest
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_missing_page_is_a_site_page_in_the_visitors_language(client, language):
    response = client.get(f"/{language}/programmes/no-such-programme/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext("Page not found") in html
    assert 'class="site-header"' in html


def test_server_error_page_stands_alone():
    # Rendered without a request or context: it must not need the database or URL names.
    html = render_to_string("500.html")
    assert "Something went wrong" in html and "{%" not in html


def test_forbidden_page_is_a_site_page(client, editor):
    client.force_login(editor)  # an editor may not export
    response = client.get("/en/programmes/export.csv")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Access denied" in html and 'class="site-header"' in html
