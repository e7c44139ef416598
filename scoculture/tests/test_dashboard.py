"""The editors' front page and the "missing translation" filter."""

import pytest
from django.contrib import messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Publishable, ReviewState
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

DRAFT = Publishable.Status.DRAFT


def test_the_front_page_shows_what_needs_the_editor(client, editor, publisher):
    today = timezone.localdate()
    mine = ProgrammeFactory(title_en="My unfinished camp", status=DRAFT)
    client.force_login(editor)
    data = {"action": "submit_for_review", "_selected_action": [mine.pk]}
    client.post(reverse("admin:programmes_programme_changelist"), data)
    ProgrammeFactory(title_en="Somebody's draft", status=DRAFT)
    ProgrammeFactory(
        title_en="Closing next week", application_deadline=today + timezone.timedelta(days=7)
    )
    ProgrammeFactory(
        title_en="Closing in two months",
        application_deadline=today + timezone.timedelta(days=60),
    )
    CountryFactory(name_en="Later land", published_at=timezone.now() + timezone.timedelta(days=3))

    dash = client.get(reverse("admin:index")).context["dash"]
    labels = {
        name: [line["label"] for line in rows]
        for name, rows in dash.items()
        if name != "missing_translations"
    }
    assert labels["my_drafts"] == ["My unfinished camp"]
    assert labels["awaiting_review"] == ["My unfinished camp"]
    assert labels["scheduled"] == ["Later land"]
    assert labels["deadlines"] == ["Closing next week"]
    assert "Somebody's draft" in labels["recently_changed"]
    html = client.get(reverse("admin:index")).content.decode()
    assert "My unfinished camp" in html and "Missing translations" in html


def test_the_front_page_costs_the_same_whatever_the_content(editor_client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(reverse("admin:index")).status_code == 200
        return len(captured)

    ProgrammeFactory.create_batch(2, status=DRAFT, review_state=ReviewState.SUBMITTED)
    few = queries()
    ProgrammeFactory.create_batch(20, status=DRAFT, review_state=ReviewState.SUBMITTED)
    CountryFactory.create_batch(10)
    assert queries() == few


def test_missing_translation_filter_and_dashboard_count(editor_client):
    translated = ProgrammeFactory(title_en="Camp", title_ru="Лагерь", summary_ru="Летом")
    untranslated = ProgrammeFactory(title_en="Forum", title_ru="", summary_ru="")
    url = reverse("admin:programmes_programme_changelist")
    response = editor_client.get(url, {"translation_missing": "ru"})
    shown = list(response.context["cl"].result_list)
    assert untranslated in shown and translated not in shown
    lines = editor_client.get(reverse("admin:index")).context["dash"]["missing_translations"]
    assert any("translation_missing=ru" in line["url"] and line["count"] for line in lines)


def test_publishing_without_a_russian_title_warns(publisher_client):
    draft = ProgrammeFactory(status=DRAFT, title_ru="", summary_ru="")
    response = publisher_client.post(
        reverse("admin:programmes_programme_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )
    warnings = [m.message for m in response.context["messages"] if m.level == messages.WARNING]
    assert any("no Russian title or summary" in w for w in warnings)
    draft.refresh_from_db()
    assert draft.status == Publishable.Status.PUBLISHED
