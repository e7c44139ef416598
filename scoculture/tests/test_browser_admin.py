"""The editors' changelists read well at 1280 px, in English and Russian."""

import pytest
from django.urls import reverse

from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.conftest import BROWSER_MARKS, shot, watch_policy_violations
from scoculture.tests.factories import CountryFactory

pytestmark = BROWSER_MARKS

LONG_TITLE = "Chinese Courses at the Confucius Institute of Tajik National University"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_programme_changelist_is_readable_at_1280(live_server, browser, admin_user, language):
    host = CountryFactory(name_en="Tajikistan", name_ru="Таджикистан")
    ProgrammeFactory.create_batch(3, title_en=LONG_TITLE, host_country=host)
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, extra_http_headers={"Accept-Language": language}
    )
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.goto(live_server.url + reverse("admin:programmes_programme_changelist"))
    shot(page, f"admin-programmes-1280-{language}")

    title = page.locator("#result_list td.field-title").first
    line_height = title.evaluate("cell => parseFloat(getComputedStyle(cell).lineHeight) || 16")
    assert title.bounding_box()["height"] <= 3.5 * line_height  # two or three lines, not six
    # Every column is on screen or in the table's own scroll box, none cut by the page.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


def test_the_admin_works_under_the_security_policy(live_server, browser, admin_user):
    programme = ProgrammeFactory(title_en=LONG_TITLE)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    blocked = watch_policy_violations(page)
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    for url in [
        reverse("admin:index"),
        reverse("admin:programmes_programme_changelist"),
        reverse("admin:programmes_programme_history", args=[programme.pk]),
        reverse("admin:programmes_programme_change", args=[programme.pk]),
    ]:
        page.goto(live_server.url + url)
    # The language tabs and the date widgets are scripts: they ran.
    assert page.locator(".ui-tabs-nav").first.is_visible()
    assert page.locator(".datetimeshortcuts").first.is_visible()
    with page.expect_navigation():
        page.locator("input[name=_continue]").first.click()
    shot(page, "admin-csp-saved")
    assert page.locator(".messagelist .success").is_visible(), page.locator(".errornote").all()
    assert blocked == []
    context.close()
