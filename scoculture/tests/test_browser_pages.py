"""Home, search, detail and country pages in headless Chromium (Debian's /usr/bin/chromium):
a visitor searches from the home page, reads a heritage site, follows its cross-links and takes
a festival into a calendar; the layout holds on a phone and a desktop.

Screenshots go to /tmp/shots/ for a person to look at.
"""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.conftest import BROWSER_MARKS, shot
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

pytestmark = BROWSER_MARKS


def soon(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def content():
    uz = CountryFactory(slug="uzbekistan", name="Uzbekistan", code="UZ")
    kz = CountryFactory(slug="kazakhstan", name="Kazakhstan", code="KZ")
    site = HeritageSiteFactory(
        slug="samarkand",
        name="Samarkand – Crossroad of Cultures",
        countries=[uz],
        summary="The Registan and the Shah-i-Zinda necropolis.",
        latitude="39.654700",
        longitude="66.975800",
    )
    HeritageSiteFactory(slug="bukhara", name="Historic Centre of Bukhara", countries=[uz])
    university = UniversityFactory(name="Samarkand State University", country=uz)
    programme = ProgrammeFactory(
        slug="samarkand-semester",
        title="Semester in Samarkand",
        host_country=uz,
        partner_countries=[kz],
        host_universities=[university],
        heritage_sites=[site],
        application_deadline=soon(12),
        start_date=soon(60),
        end_date=soon(150),
    )
    festival = FestivalFactory(
        slug="sharq-taronalari",
        title="Sharq Taronalari",
        host_country=uz,
        city="Samarkand",
        heritage_sites=[site],
        start_date=soon(40),
        end_date=soon(44),
    )
    return {"site": site, "programme": programme, "festival": festival, "country": uz}


def test_visitor_searches_reads_a_site_and_takes_a_festival_to_the_calendar(
    live_server, browser, content
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(live_server.url + reverse("home"))
        # The programme closes within 30 days: it is on the home page.
        assert page.get_by_role("link", name="Semester in Samarkand").first.is_visible()
        page.get_by_label("Search programmes, festivals, universities and heritage sites").fill(
            "samarkand"
        )
        page.locator(".hero").get_by_role("button", name="Search").click()
        page.wait_for_url("**/search/?q=samarkand")
        for heading in ("Programmes", "Festivals and events", "Universities", "Heritage sites"):
            assert page.get_by_role("heading", name=heading, exact=True).is_visible()
        shot(page, "browser-search")

        page.locator(".result-group").get_by_role("link", name=content["site"].name).click()
        page.wait_for_url("**" + content["site"].get_absolute_url())
        assert page.locator("h1").inner_text() == content["site"].name
        assert page.get_by_role("link", name="Historic Centre of Bukhara").is_visible()
        shot(page, "browser-site")

        page.get_by_role("link", name="Sharq Taronalari").click()
        page.wait_for_url("**" + content["festival"].get_absolute_url())
        with page.expect_download() as download_info:
            page.get_by_role("link", name="Add to calendar (.ics)").click()
        calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
        [event] = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == "Sharq Taronalari"
        assert event.decoded("DTSTART") == soon(40)

        page.get_by_role("link", name="Uzbekistan").first.click()
        page.wait_for_url("**" + content["country"].get_absolute_url())
        assert page.get_by_role("link", name="Semester in Samarkand").is_visible()
        shot(page, "browser-country")
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_layout_holds_on_phone_and_desktop(live_server, browser, content, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        for name, url in [
            ("home", reverse("home")),
            ("search", reverse("search") + "?q=samarkand"),
            ("programme", content["programme"].get_absolute_url()),
            ("festival", content["festival"].get_absolute_url()),
            ("site", content["site"].get_absolute_url()),
            ("country", content["country"].get_absolute_url()),
        ]:
            page.goto(live_server.url + url)
            scroll_width, inner_width = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert scroll_width <= inner_width, (name, width, scroll_width)
            assert page.locator("h1").is_visible()
            shot(page, f"browser-page-{name}-{width}")
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_card_keys_never_break_inside_a_word(live_server, browser, content, language, width):
    """The keys beside a card's facts ("Принимающая страна") sit in a narrow column: a word
    too long for it would wrap letter by letter ("Принимаю / щая")."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/{language}/programmes/")
        broken = page.evaluate(
            """() => [...document.querySelectorAll('.card__key')].flatMap(key => {
                const text = key.firstChild, words = [], range = document.createRange();
                for (const match of text.textContent.matchAll(/\\S+/g)) {
                    range.setStart(text, match.index);
                    range.setEnd(text, match.index + match[0].length);
                    if (range.getClientRects().length > 1) words.push(match[0]);
                }
                return words;
            })"""
        )
        assert page.locator(".card__key").count() > 0
        assert broken == [], broken
        shot(page, f"browser-card-keys-{language}-{width}")
    finally:
        context.close()
