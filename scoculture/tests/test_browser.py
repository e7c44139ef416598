"""What a visitor does, in headless Chromium (Debian's /usr/bin/chromium) against a live server:
filter the programmes, open one, follow its link to a heritage site; and the layout holds on a
phone and on a desktop.

Screenshots go to /tmp/shots/ for a person to look at.
"""

import pytest
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.conftest import BROWSER_MARKS, shot, watch_policy_violations
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

pytestmark = BROWSER_MARKS

# The page's cumulative layout shift so far, as browsers report it to Lighthouse.
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def content():
    kz = CountryFactory(slug="kazakhstan", name="Kazakhstan", code="KZ")
    cn = CountryFactory(slug="china", name="China", code="CN")
    uz = CountryFactory(slug="uzbekistan", name="Uzbekistan", code="UZ")
    corridor = HeritageSiteFactory(
        slug="silk-roads-corridor",
        name="Silk Roads: the Chang'an-Tianshan Corridor",
        countries=[cn, kz],
        summary="A network of caravan routes, cities and trading posts.",
    )
    wanted = ProgrammeFactory(
        slug="silk-road-heritage-scholarship",
        title="Silk Road heritage scholarship",
        kind="scholarship",
        host_country=cn,
        partner_countries=[kz],
        heritage_sites=[corridor],
        host_universities=[UniversityFactory(country=cn)],
        summary="A year of heritage studies along the old caravan routes.",
    )
    ProgrammeFactory(title="Steppe training week", kind="training", host_country=kz)
    ProgrammeFactory(title="Samarkand scholarship", kind="scholarship", host_country=uz)
    for n in range(8):
        ProgrammeFactory(title=f"Language course {n}", kind="language_course", host_country=uz)
        FestivalFactory(title=f"Festival of the steppe {n}", host_country=kz)
        UniversityFactory(name=f"National university {n}", country=uz)
        HeritageSiteFactory(name=f"Old town {n}", countries=[uz])
    return {"programme": wanted, "site": corridor}


def test_visitor_filters_programmes_opens_one_and_reaches_a_heritage_site(
    live_server, page, content
):
    page.goto(live_server.url + reverse("programmes:programme_list"))
    assert page.locator(".card").count() == 11

    page.get_by_label("Country").select_option("kazakhstan")
    page.get_by_label("Kind", exact=True).select_option("scholarship")
    page.get_by_role("button", name="Show results").click()
    page.wait_for_url("**kind=scholarship**")
    assert "country=kazakhstan" in page.url
    cards = page.locator(".card")
    assert cards.count() == 1
    assert page.locator("#results-count").inner_text() == "1 result"
    # The country's option shows how many programmes it has with the other filters applied.
    assert "Kazakhstan (1)" in page.locator("#id_country").inner_text()
    shot(page, "browser-programmes-filtered")

    cards.first.get_by_role("link", name="Silk Road heritage scholarship").click()
    page.wait_for_url("**" + content["programme"].get_absolute_url())
    assert page.locator("h1").inner_text() == "Silk Road heritage scholarship"
    shot(page, "browser-programme-detail")

    page.get_by_role("link", name=content["site"].name).first.click()
    page.wait_for_url("**" + content["site"].get_absolute_url())
    assert page.locator("h1").inner_text() == content["site"].name
    shot(page, "browser-heritage-detail")


@pytest.mark.parametrize("width", [375, 1280])
def test_layout_holds_on_phone_and_desktop(live_server, browser, content, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    blocked = watch_policy_violations(page)
    console_errors = []  # a missing favicon, a script error...
    page.on(
        "console", lambda message: message.type == "error" and console_errors.append(message.text)
    )
    try:
        for name in [
            "programmes:programme_list",
            "festivals:festival_list",
            "universities:university_list",
            "heritage:site_list",
            "countries:country_list",
        ]:
            page.goto(live_server.url + reverse(name))
            scroll_width, inner_width = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert scroll_width <= inner_width, (name, width, scroll_width)
            nav = page.get_by_role("navigation", name="Main")
            assert nav.is_visible()
            for link in nav.get_by_role("link").all():
                assert link.is_visible(), link.inner_text()
            assert page.get_by_role("searchbox").is_visible()
            # Nothing moves once painted (Lighthouse's cumulative layout shift).
            assert page.evaluate(LAYOUT_SHIFT) < 0.1, name
            shot(page, f"browser-{name.split(':')[1]}-{width}")

        # On a phone the filters start folded so the results come first; one tap opens them.
        page.goto(live_server.url + reverse("programmes:programme_list"))
        country = page.get_by_label("Country")
        if width < 600:
            assert not country.is_visible()
            page.locator(".filter-panel > summary").click()
        assert country.is_visible()
        assert blocked == []  # nothing the site needs is refused by its own policy
        assert console_errors == []
    finally:
        context.close()


def test_keyboard_user_can_skip_to_the_content(live_server, page, content):
    page.goto(live_server.url + reverse("heritage:site_list"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
