"""Every admin page an editor uses loads, with a number of queries that does not grow."""

import pytest
from django.urls import reverse

from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import (
    FestivalFactory,
    LanguageFactory,
    ProgrammeFactory,
    UniversityFactory,
)
from scoculture.models import Publishable
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

CONTENT = {
    "scoculture/country": CountryFactory,
    "heritage/heritagesite": HeritageSiteFactory,
    "programmes/university": UniversityFactory,
    "programmes/programme": ProgrammeFactory,
    "programmes/festival": FestivalFactory,
}


def changelist_url(model_path):
    app, model = model_path.split("/")
    return reverse(f"admin:{app}_{model}_changelist")


@pytest.mark.parametrize("model_path", CONTENT)
@pytest.mark.parametrize("query", ["", "?q=a", "?status__exact=draft", "?o=1"])
def test_changelist_loads(editor_client, model_path, query):
    CONTENT[model_path]()
    response = editor_client.get(changelist_url(model_path) + query)
    assert response.status_code == 200


@pytest.mark.parametrize("model_path", CONTENT)
def test_add_and_change_forms_load(editor_client, model_path):
    app, model = model_path.split("/")
    obj = CONTENT[model_path]()
    assert editor_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200
    response = editor_client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk]))
    assert response.status_code == 200
    assert b"View on site" in response.content


def _rich_programme():
    return ProgrammeFactory(
        partner_countries=[CountryFactory(), CountryFactory()],
        host_universities=[UniversityFactory()],
        languages=[LanguageFactory()],
        heritage_sites=[HeritageSiteFactory()],
    )


@pytest.mark.parametrize(
    "model_path,make",
    [
        ("programmes/programme", _rich_programme),
        (
            "programmes/festival",
            lambda: FestivalFactory(participating_countries=[CountryFactory()]),
        ),
        ("programmes/university", UniversityFactory),
        ("heritage/heritagesite", lambda: HeritageSiteFactory(countries=[CountryFactory()] * 1)),
        ("scoculture/country", CountryFactory),
    ],
)
def test_changelist_queries_do_not_grow_with_rows(
    editor_client, django_assert_max_num_queries, model_path, make
):
    url = changelist_url(model_path)
    make()
    editor_client.get(url)  # warm up sessions and content types
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        editor_client.get(url)
    for _ in range(15):
        make()
    with django_assert_max_num_queries(len(few)):
        response = editor_client.get(url)
    assert response.status_code == 200


def test_publish_and_unpublish_actions(editor_client):
    draft = ProgrammeFactory(status=Publishable.Status.DRAFT, published_at=None)
    url = changelist_url("programmes/programme")
    editor_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Publishable.Status.PUBLISHED and draft.published_at is not None

    editor_client.post(url, {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Publishable.Status.DRAFT


def test_editor_cannot_manage_users(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_invalid_programme_form_shows_message_and_saves_nothing(editor_client):
    country = CountryFactory()
    response = editor_client.post(
        reverse("admin:programmes_programme_add"),
        {
            "title_en": "Broken",
            "slug": "broken",
            "kind": "scholarship",
            "host_country": country.pk,
            "sector": "government",
            "level": "master",
            "format": "in_person",
            "start_date": "2027-09-01",
            "end_date": "2027-06-01",
            "status": "draft",
        },
    )
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.content.decode()
    from programmes.models import Programme

    assert not Programme.objects.filter(slug="broken").exists()


def test_translation_tabs_load_no_script_from_a_cdn(editor_client):
    response = editor_client.get(reverse("admin:programmes_programme_add"))
    html = response.content.decode()
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert "tabbed_translation_fields.js" in html
    assert "googleapis" not in html
    assert 'name="title_ru"' in html and 'name="title_zh_hans"' in html
