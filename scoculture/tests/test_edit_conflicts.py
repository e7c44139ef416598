"""Two editors on one record: the second save is refused, never a silent overwrite."""

import pytest
from django.urls import reverse

from photos.tests.admin_form import form_data
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def open_form(client, url):
    page = client.get(url)
    assert page.status_code == 200
    return form_data(page.content.decode())


def test_second_editor_cannot_overwrite_the_first(client, editor, django_user_model):
    programme = ProgrammeFactory(title_en="SCO Youth Camp")
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    client.force_login(editor)
    first = open_form(client, url)
    second = open_form(client, url)
    assert first["opened_version"]

    first["title_en"] = "SCO Youth Camp 2027"
    assert client.post(url, first).status_code == 302

    second["title_en"] = "SCO Youth Camp (Qingdao)"
    response = client.post(url, second)
    assert response.status_code == 200
    assert "Someone else saved this record" in response.content.decode()
    programme.refresh_from_db()
    assert programme.title_en == "SCO Youth Camp 2027"

    # Reopened, the form carries the new version and saves.
    again = open_form(client, url)
    again["title_en"] = "SCO Youth Camp (Qingdao)"
    assert client.post(url, again).status_code == 302
    assert Programme.objects.get(pk=programme.pk).title_en == "SCO Youth Camp (Qingdao)"


def test_publishing_from_the_list_counts_as_a_change(client, editor):
    programme = ProgrammeFactory(status=Programme.Status.DRAFT, published_at=None)
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    client.force_login(editor)
    opened = open_form(client, url)
    client.post(
        reverse("admin:programmes_programme_changelist"),
        {"action": "publish", "_selected_action": [programme.pk]},
    )
    opened["status"] = "draft"
    response = client.post(url, opened)
    assert response.status_code == 200
    programme.refresh_from_db()
    assert programme.status == Programme.Status.PUBLISHED
