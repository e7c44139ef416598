"""A visitor reads the cooperation explorer and follows a count to the records behind it, on
a phone and a desktop, in three languages."""

import pytest

from festivals.tests.factories import FestivalFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.conftest import BROWSER_MARKS, shot
from scoculture.tests.factories import CountryFactory

pytestmark = BROWSER_MARKS


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_read_the_matrix_and_follow_a_cell(live_server, browser, width, language):
    kz = CountryFactory(name="Kazakhstan", name_ru="Казахстан", name_zh_hans="哈萨克斯坦")
    cn = CountryFactory(name="China", name_ru="Китай", name_zh_hans="中国")
    others = [CountryFactory(name=f"Country with a long name {n}") for n in range(5)]
    ProgrammeFactory(title="Steppe scholarship", host_country=kz, partner_countries=[cn])
    ProgrammeFactory(title="Silk Road school", host_country=cn, partner_countries=[kz, *others])
    FestivalFactory(host_country=kz, participating_countries=[cn])
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/{language}/cooperation/")
    shot(page, f"cooperation-{language}-{width}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    # The busiest pair comes first: China and Kazakhstan share two programmes and a festival.
    first = page.locator("table.cooperation tbody tr").first
    names = {"en": ("China", "Kazakhstan"), "ru": ("Китай", "Казахстан"), "zh-hans": ("中国",)}
    assert all(name in first.locator("th").inner_text() for name in names[language])
    cells = first.locator("td")
    assert [cells.nth(i).inner_text() for i in range(3)] == ["2", "1", "3"]
    cells.nth(0).locator("a").click()
    page.wait_for_load_state()
    assert "/programmes/" in page.url and "partner=" in page.url
    shot(page, f"cooperation-cell-{language}-{width}")
    titles = sorted(page.locator(".cards h3").all_inner_texts())
    assert titles == ["Silk Road school", "Steppe scholarship"]
    context.close()
