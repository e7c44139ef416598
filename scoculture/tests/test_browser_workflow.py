"""The editors' workflow end to end, in headless Chromium: two editors and a publisher take a
draft through review to publication, a bad change is reverted from its history and a deleted
record comes back from the recycle bin; a visitor sees each state only when they should."""

import pytest
from django.urls import reverse

from conftest import staff_group
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Publishable
from scoculture.permissions import EDITORS, PUBLISHERS
from scoculture.tests.conftest import BROWSER_MARKS, shot

pytestmark = BROWSER_MARKS

TITLE = "Steppe music summer school"
COMMENT = "Please add the Russian title before it goes out."


@pytest.fixture
def people(live_server, browser, django_user_model, admin_user):
    contexts = []

    def signed_in(username, group=None):
        if group:
            user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
            user.groups.add(staff_group(group))
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        if username:
            page.goto(live_server.url + reverse("admin:login"))
            page.fill("#id_username", username)
            page.fill("#id_password", "password" if username == "admin" else "pw")
            with page.expect_navigation():
                page.click("input[type=submit]")
        return page

    yield {
        "anna": signed_in("anna", EDITORS),
        "boris": signed_in("boris", EDITORS),
        "pavel": signed_in("pavel", PUBLISHERS),
        "admin": signed_in("admin"),
        "visitor": signed_in(None),
    }
    for context in contexts:
        context.close()


def save(page):
    with page.expect_navigation():
        page.locator("input[name=_save]").first.click()
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert page.locator(".messagelist .success").count() == 1, errors


def seen_by_visitor(page, url):
    """The public page's status, and its heading when it is shown."""
    response = page.goto(url)
    return response.status, page.locator("h1").first.inner_text() if response.ok else None


def test_draft_review_publish_revert_and_restore(live_server, people):
    programme = ProgrammeFactory(
        title_en=TITLE, title_ru="", status=Publishable.Status.DRAFT, published_at=None
    )
    public = live_server.url + programme.get_absolute_url()
    change = live_server.url + reverse("admin:programmes_programme_change", args=[programme.pk])
    anna, boris, pavel, admin, visitor = (
        people[name] for name in ("anna", "boris", "pavel", "admin", "visitor")
    )

    # Anna submits the draft; it is not public.
    anna.goto(change)
    anna.select_option("#id_review_state", "submitted")
    save(anna)
    assert seen_by_visitor(visitor, public)[0] == 404

    # Pavel finds it in the queue and sends it back with a comment.
    pavel.goto(
        live_server.url
        + reverse("admin:programmes_programme_changelist")
        + "?review_state__exact=submitted"
    )
    shot(pavel, "workflow-awaiting-review")
    pavel.get_by_role("link", name=TITLE).click()
    pavel.select_option("#id_review_state", "returned")
    pavel.fill("#id_review_comment", COMMENT)
    save(pavel)
    assert seen_by_visitor(visitor, public)[0] == 404

    # Anna reads the comment, adds the Russian title and submits again.
    anna.goto(change)
    assert COMMENT in anna.locator(".field-review_comment").inner_text()
    shot(anna, "workflow-sent-back")
    anna.locator("#id_title_ru").evaluate("(field) => { field.value = 'Летняя музыкальная школа' }")
    anna.select_option("#id_review_state", "submitted")
    save(anna)

    # An editor cannot publish, even by choosing the status herself.
    anna.goto(change)
    anna.select_option("#id_status", "published")
    with anna.expect_navigation():
        anna.locator("input[name=_save]").first.click()
    errors = " ".join(anna.locator(".errornote, .errorlist").all_inner_texts())
    assert "Only publishers may publish" in errors
    assert seen_by_visitor(visitor, public)[0] == 404

    # Pavel publishes: visitors see it at once.
    pavel.goto(change)
    pavel.select_option("#id_status", "published")
    save(pavel)
    assert seen_by_visitor(visitor, public) == (200, TITLE)

    # Boris spoils the title; Pavel reverts it from the history.
    boris.goto(change)
    boris.fill("#id_title_en", "TODO TITLE")
    save(boris)
    assert seen_by_visitor(visitor, public) == (200, "TODO TITLE")
    pavel.goto(change.replace("/change/", "/history/"))
    shot(pavel, "workflow-history")
    versions = pavel.locator("#change-history tbody tr")
    assert "boris" in versions.nth(0).inner_text()
    versions.nth(1).locator("th a").click()  # the version before Boris's
    save(pavel)
    assert seen_by_visitor(visitor, public) == (200, TITLE)

    # An administrator deletes it; Pavel brings it back from the recycle bin.
    admin.goto(change.replace("/change/", "/delete/"))
    with admin.expect_navigation():
        admin.locator("input[type=submit]").click()
    assert seen_by_visitor(visitor, public)[0] == 404
    pavel.goto(live_server.url + reverse("admin:programmes_programme_recoverlist"))
    shot(pavel, "workflow-recycle-bin")
    pavel.locator("tr", has_text=TITLE).get_by_role("link").click()
    save(pavel)
    assert seen_by_visitor(visitor, public) == (200, TITLE)
    assert seen_by_visitor(visitor, public.replace("/en/", "/ru/")) == (
        200,
        "Летняя музыкальная школа",
    )
