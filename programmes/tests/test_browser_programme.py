"""A programme page as a visitor reads it: who can apply, the funding, the deadline and the
way to apply come first, on a phone as on a wide screen, in every language."""

import pytest

from portal.demo.loader import load_demo_data
from programmes.models import Programme
from scoculture.tests.conftest import BROWSER_MARKS, shot

pytestmark = BROWSER_MARKS


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_the_way_to_apply_is_on_the_first_screen(live_server, browser, language, width):
    load_demo_data()
    programme = Programme.objects.get(slug="sco-university-master-ecology")
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/programmes/{programme.slug}/")
    shot(page, f"programme-apply-{language}-{width}")
    link = page.locator(".apply a.button")
    assert link.get_attribute("href") == programme.website
    box = link.bounding_box()
    # It starts on the first screen (on a phone under the site's header, title and summary),
    # after who can apply, and before the description.
    assert box["y"] < 800
    assert page.locator(".glance").bounding_box()["y"] < box["y"]
    assert box["y"] < page.locator("#about").bounding_box()["y"]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()
