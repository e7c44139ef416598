"""Two editors on one record: the second save is refused, never a silent overwrite."""

import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from photos.tests.admin_form import form_data
from programmes.admin import ProgrammeAdmin
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


def test_publishing_from_the_list_counts_as_a_change(client, publisher):
    programme = ProgrammeFactory(status=Programme.Status.DRAFT, published_at=None)
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    client.force_login(publisher)
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


def test_a_change_posted_without_its_version_is_refused(client, editor):
    programme = ProgrammeFactory(title_en="SCO Youth Camp")
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    client.force_login(editor)
    data = open_form(client, url)
    del data["opened_version"]
    data["title_en"] = "Saved without a version"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "did not say which version" in response.content.decode()
    programme.refresh_from_db()
    assert programme.title_en == "SCO Youth Camp"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need a server database; SQLite's IMMEDIATE transactions serialise saves",
)
@pytest.mark.django_db(transaction=True)
def test_two_saves_racing_cannot_both_pass_the_check(django_user_model, monkeypatch):
    """The first save stops between its check and its write; the second runs meanwhile.

    Without the row lock both read the same version, both pass and the second overwrites.
    With it the second waits for the first to commit, then sees the newer version.
    """
    # A superuser: transactional tests run after the others have emptied the staff groups.
    editor = django_user_model.objects.create_superuser("chief", password="pw")
    programme = ProgrammeFactory(title_en="SCO Youth Camp")
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    clients = [Client(), Client()]
    forms = []
    for client in clients:
        client.force_login(editor)
        forms.append(open_form(client, url))
    checked, second_started = threading.Event(), threading.Event()
    save_model = ProgrammeAdmin.save_model

    def slow_save_model(self, request, obj, form, change):
        if obj.title_en == "First":
            checked.set()
            second_started.wait(10)
            time.sleep(0.5)  # let the second save reach its check
        return save_model(self, request, obj, form, change)

    monkeypatch.setattr(ProgrammeAdmin, "save_model", slow_save_model)
    results = {}

    def post(index, title):
        forms[index]["title_en"] = title
        try:
            results[title] = clients[index].post(url, forms[index]).status_code
        finally:
            connections.close_all()

    first = threading.Thread(target=post, args=(0, "First"))
    first.start()
    assert checked.wait(10)
    second = threading.Thread(target=post, args=(1, "Second"))
    second.start()
    second_started.set()
    first.join(20)
    second.join(20)
    assert results == {"First": 302, "Second": 200}  # the second got the conflict message
    programme.refresh_from_db()
    assert programme.title_en == "First"
