"""Review before publishing: editors write and submit, publishers alone publish."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse

from photos.tests.admin_form import form_data
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Publishable, ReviewState
from scoculture.permissions import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

DRAFT = Publishable.Status.DRAFT

PUBLISHED = Publishable.Status.PUBLISHED
REFUSED = "Only publishers may publish, unpublish or schedule"
CHANGELIST = "admin:programmes_programme_changelist"


@pytest.fixture
def draft():
    return ProgrammeFactory(title_en="Summer school", status=DRAFT, published_at=None)


def change_url(record):
    return reverse("admin:programmes_programme_change", args=[record.pk])


def post_change(client, record, **changes):
    data = form_data(client.get(change_url(record)).content.decode())
    data.update(changes)
    return client.post(change_url(record), data)


def test_only_the_publishers_group_may_publish():
    assert (
        Group.objects.get(name=PUBLISHERS).permissions.filter(codename="publish_content").exists()
    )
    assert (
        not Group.objects.get(name=EDITORS).permissions.filter(codename="publish_content").exists()
    )


@pytest.mark.parametrize(
    "changes",
    [{"status": PUBLISHED}, {"published_at_0": "2030-01-01", "published_at_1": "10:00:00"}],
    ids=["publish", "schedule"],
)
def test_an_editor_cannot_publish_or_schedule_through_the_form(editor_client, draft, changes):
    response = post_change(editor_client, draft, **changes)
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == DRAFT and draft.published_at is None


def test_an_editor_cannot_unpublish(editor_client):
    live = ProgrammeFactory()
    response = post_change(editor_client, live, status=DRAFT)
    assert REFUSED in response.content.decode()
    live.refresh_from_db()
    assert live.status == PUBLISHED


def test_an_editor_cannot_add_a_published_record(editor_client, draft):
    data = form_data(editor_client.get(change_url(draft)).content.decode())
    data.update(slug="brand-new", status=PUBLISHED)
    data.pop("opened_version")
    response = editor_client.post(reverse("admin:programmes_programme_add"), data)
    assert REFUSED in response.content.decode()
    assert not type(draft).objects.filter(slug="brand-new").exists()


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_a_crafted_publishing_action_from_an_editor_is_refused_with_the_reason(
    editor_client, draft, action
):
    response = editor_client.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": [draft.pk]}, follow=True
    )
    assert REFUSED in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == DRAFT


def test_the_editor_submits_the_publisher_sends_back_then_publishes(
    client, editor, publisher, draft
):
    client.force_login(editor)
    client.post(
        reverse(CHANGELIST), {"action": "submit_for_review", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.review_state == ReviewState.SUBMITTED

    client.force_login(publisher)
    queue = client.get(reverse(CHANGELIST), {"review_state__exact": "submitted"})
    assert list(queue.context["cl"].result_list) == [draft]
    without_reason = post_change(client, draft, review_state=ReviewState.RETURNED)
    assert "Tell the editor what to change" in without_reason.content.decode()
    post_change(
        client, draft, review_state=ReviewState.RETURNED, review_comment="Add the deadline."
    )
    draft.refresh_from_db()
    assert draft.review_state == ReviewState.RETURNED

    client.force_login(editor)
    assert "Add the deadline." in client.get(change_url(draft)).content.decode()
    refused = post_change(client, draft, review_comment="Never mind")  # read-only for editors
    assert refused.status_code == 302
    draft.refresh_from_db()
    assert draft.review_comment == "Add the deadline."
    post_change(client, draft, title_en="Summer school 2027", review_state=ReviewState.SUBMITTED)

    client.force_login(publisher)
    post_change(client, draft, status=PUBLISHED)
    draft.refresh_from_db()
    assert draft.status == PUBLISHED and draft.review_state == ""
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 200

    changes = LogEntry.objects.filter(object_id=str(draft.pk)).order_by("pk")
    assert [(entry.user.username, entry.get_change_message()) for entry in changes] == [
        ("editor", "Submitted for review"),
        ("publisher", "Changed Review and Comment from the publisher."),
        ("editor", "No fields changed."),
        ("editor", "Changed Title [en] and Review."),
        ("publisher", "Changed Status."),
    ]


def test_an_editor_cannot_send_a_draft_back(editor_client, draft):
    response = post_change(editor_client, draft, review_state=ReviewState.RETURNED)
    assert "Only a publisher sends a draft back" in response.content.decode()
