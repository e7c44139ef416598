"""A visitor follows a route from the list to its page and reads its stops, in English,
Russian and Chinese, on a phone and a desktop (headless Chromium; screenshots in /tmp/shots/)."""

import pytest
from django.urls import reverse
from django.utils import translation

from heritage.models import HeritageSite
from portal.demo.loader import load_demo_data
from routes.models import Route
from scoculture.tests.conftest import BROWSER_MARKS, shot, watch_policy_violations

pytestmark = BROWSER_MARKS

CITIES = ["samarkand-crossroads-of-cultures", "historic-centre-of-bukhara", "itchan-kala"]


@pytest.fixture
def demo():
    load_demo_data()
    return Route.objects.get(slug="samarkand-bukhara-khiva")


@pytest.mark.parametrize("width", [375, 1280])
def test_visitor_follows_a_route_from_the_list_and_reads_its_stops(
    live_server, browser, demo, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations = watch_policy_violations(page)
    try:
        for language in ("en", "ru", "zh-hans"):
            column = language.replace("-", "_")
            with translation.override(language):
                list_url = reverse("routes:route_list")
                route_url = demo.get_absolute_url()
            sites = {site.slug: site for site in HeritageSite.objects.filter(slug__in=CITIES)}
            names = [getattr(sites[slug], f"name_{column}") for slug in CITIES]

            page.goto(live_server.url + list_url)
            card = page.locator(".card", has_text=getattr(demo, f"title_{column}"))
            assert card.locator(".badge--example").is_visible()  # a suggestion, said so
            shot(page, f"route-list-{language}-{width}")
            card.get_by_role("link", name=getattr(demo, f"title_{column}")).click()
            page.wait_for_url("**" + route_url)

            assert page.locator("h1").inner_text() == getattr(demo, f"title_{column}")
            stops = page.locator("ol.route-stops > li")
            assert stops.locator("h3").all_inner_texts() == names
            # Each leg's distance, under the stop it reaches: Samarkand-Bukhara is 219 km.
            assert "219" in stops.nth(1).locator(".route-leg").inner_text()
            assert stops.nth(0).locator(".route-leg").count() == 0
            # The map draws the stops in order, numbered, joined by the legs.
            route_map = page.locator(".map-box[data-route]")
            route_map.scroll_into_view_if_needed()
            page.locator(".map-box[data-route].map-box--ready").wait_for()
            assert route_map.locator("path.map-route-line").count() == 1
            assert route_map.locator(".map-pin--route").count() == len(names)
            assert route_map.locator(".map-pin--route").first.get_attribute("aria-label") == (
                f"1. {names[0]}"
            )
            scroll_width, inner_width = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert scroll_width <= inner_width, (language, width, scroll_width)
            shot(page, f"route-detail-{language}-{width}")
        assert violations == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_visitor_finds_a_route_by_search_and_from_a_site_it_stops_at(
    live_server, browser, demo, width
):
    bukhara = HeritageSite.objects.get(slug=CITIES[1])
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for language in ("en", "ru", "zh-hans"):
            title = getattr(demo, f"title_{language.replace('-', '_')}")
            with translation.override(language):
                site_url, search_url = bukhara.get_absolute_url(), reverse("search")
                route_url = demo.get_absolute_url()
            page.goto(f"{live_server.url}{search_url}?q=Samarkand")
            assert page.locator("h2#routes").count() == 1
            assert page.locator(f"a[href='{route_url}']").count() == 1
            shot(page, f"route-search-{language}-{width}")
            page.goto(live_server.url + site_url)
            routes = page.locator("section[aria-labelledby='routes']")
            routes.scroll_into_view_if_needed()
            shot(page, f"site-routes-{language}-{width}")
            routes.get_by_role("link", name=title).click()
            page.wait_for_url("**" + route_url)
    finally:
        context.close()
