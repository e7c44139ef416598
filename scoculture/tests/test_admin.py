"""Every admin page an editor uses loads, with a number of queries that does not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import LanguageFactory, ProgrammeFactory
from scoculture.models import Publishable
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

CONTENT = {
    "scoculture/country": CountryFactory,
    "heritage/heritagesite": HeritageSiteFactory,
    "universities/university": UniversityFactory,
    "programmes/programme": ProgrammeFactory,
    "festivals/festival": FestivalFactory,
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
            "festivals/festival",
            lambda: FestivalFactory(participating_countries=[CountryFactory()]),
        ),
        ("universities/university", UniversityFactory),
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


def test_publish_and_unpublish_actions(publisher_client):
    draft = ProgrammeFactory(status=Publishable.Status.DRAFT, published_at=None)
    url = changelist_url("programmes/programme")
    publisher_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Publishable.Status.PUBLISHED and draft.published_at is not None

    publisher_client.post(url, {"action": "unpublish", "_selected_action": [draft.pk]})
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


# Odd query strings a staff member can type or paste: never a 500 (issue 16).
YEAR_PAST_DATETIME = "99999999999"


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/programmes/programme/?start_date__year={YEAR_PAST_DATETIME}",
        f"/admin/festivals/festival/?start_date__year={YEAR_PAST_DATETIME}&start_date__month=1",
        f"/admin/heritage/heritagesite/?published_at__year={YEAR_PAST_DATETIME}",
        f"/admin/universities/university/?published_at__year=2026&published_at__month={10**20}",
    ],
)
def test_date_drill_down_past_the_calendar_is_an_invalid_lookup(admin_client, url):
    FestivalFactory()
    response = admin_client.get(url)
    # The admin's own answer to a bad lookup: back to the list, flagged invalid.
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_export_of_a_date_drill_down_past_the_calendar_is_a_400(admin_client):
    ProgrammeFactory()
    url = reverse("admin:programmes_programme_export")
    assert admin_client.get(url, {"start_date__year": YEAR_PAST_DATETIME}).status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/admin/programmes/programme/?status__exact=%00",
        "/admin/programmes/programme/?q=a%00b",
        "/admin/festivals/festival/?kind__exact=x&%00=1",
        "/admin/programmes/programme/export.csv?status__exact=%00",
        "/admin/scoculture/country/export.csv?q=%00",
        "/admin/autocomplete/?term=%00&app_label=programmes&model_name=programme"
        "&field_name=host_country",
        "/admin/autocomplete/?term=a%00&app_label=programmes&model_name=programme"
        "&field_name=languages",
    ],
)
def test_nul_in_an_admin_query_string_is_a_400(admin_client, url):
    # PostgreSQL refuses NUL in text (DataError); it is never meaningful input.
    ProgrammeFactory()
    response = admin_client.get(url)
    assert response.status_code == 400


def test_public_pages_keep_their_form_errors_for_nul(client):
    # Only the admin answers 400: public filter forms show their own error.
    response = client.get(reverse("programmes:programme_list"), {"q": "bad\x00byte"})
    assert response.status_code == 200


def test_a_filtered_changelist_counts_its_rows_once(client, editor):
    ProgrammeFactory.create_batch(3)
    ProgrammeFactory(status="draft")
    client.force_login(editor)
    url = reverse("admin:programmes_programme_changelist")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"status__exact": "published"})
    assert response.status_code == 200
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1, counts
    assert response.context["cl"].result_count == 3


def test_russian_admin_names_a_model_where_the_nominative_is_right(editor_client):
    """Django's Russian catalogue says "Выберите программа для изменения" and "Добавить
    программа"; the project's overrides (scoculture/admin_locale) set the name apart."""
    ProgrammeFactory()
    headers = {"Accept-Language": "ru"}
    changelist = editor_client.get(changelist_url("programmes/programme"), headers=headers)
    html = changelist.content.decode()
    assert "Выберите запись для изменения: программа" in html
    assert "Добавить: программа" in html
    assert "Выберите программа" not in html and "Добавить программа" not in html
    add = editor_client.get(reverse("admin:programmes_programme_add"), headers=headers)
    assert "Добавить: программа" in add.content.decode()
