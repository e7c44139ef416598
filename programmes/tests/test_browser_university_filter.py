"""A visitor filters the programmes by university when there are too many universities for a
select: types part of a name, picks a suggestion (by mouse on a phone, by keyboard on a wide
screen) and gets the programmes of that university, in three languages."""

import pytest

from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.conftest import BROWSER_MARKS, shot, watch_policy_violations
from universities.tests.factories import UniversityFactory

pytestmark = BROWSER_MARKS

TYPED = {"en": "tsing", "ru": "Цинх", "zh-hans": "清华"}
# What a screen reader hears when the suggestions change (a polite live region).
HEARD = {"en": "Suggestions: 1", "ru": "Подсказок: 1", "zh-hans": "建议：1 条"}
NONE_HEARD = {"en": "No suggestions", "ru": "Подсказок нет", "zh-hans": "没有建议"}
NAMES = {"en": "Tsinghua University", "ru": "Университет Цинхуа", "zh-hans": "清华大学"}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_type_pick_a_suggestion_and_filter(live_server, browser, settings, language, width):
    settings.FILTER_SELECT_MAX_CHOICES = 2
    tsinghua = UniversityFactory(
        slug="tsinghua",
        name=NAMES["en"],
        name_ru=NAMES["ru"],
        name_zh_hans=NAMES["zh-hans"],
        city="Beijing",
    )
    UniversityFactory(name="Peking University", description="Next to Tsinghua")
    UniversityFactory.create_batch(3)
    ProgrammeFactory(title="Tsinghua summer school", host_universities=[tsinghua])
    ProgrammeFactory(title="Elsewhere", host_universities=[UniversityFactory()])
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    violations = watch_policy_violations(page)
    page.goto(f"{live_server.url}/{language}/programmes/")
    if width < 600:
        page.locator(".filter-panel summary").click()  # folded on phones
    box = page.locator("#id_university")
    assert box.get_attribute("role") == "combobox"
    box.press_sequentially(TYPED[language], delay=50)
    option = page.locator("#id_university-suggestions [role=option]")
    option.first.wait_for()
    assert option.count() == 1 and NAMES[language] in option.first.inner_text()
    assert box.get_attribute("aria-expanded") == "true"
    status = page.locator("#id_university-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == HEARD[language]
    shot(page, f"university-filter-suggestions-{language}-{width}")
    if width < 600:
        option.first.click()
        page.locator(".filter-form button[type=submit]").click()
    else:
        box.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == option.first.get_attribute("id")
        box.press("Enter")  # picks
        assert box.input_value() == NAMES[language]
        box.press("Enter")  # submits
    page.wait_for_url("**university=tsinghua**")
    shot(page, f"university-filter-results-{language}-{width}")
    assert page.locator(".cards h3").all_inner_texts() == ["Tsinghua summer school"]
    # The page shows the chosen university's name, and sends its slug again.
    assert page.locator("#id_university").input_value() == NAMES[language]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    assert violations == []
    # Typing what nothing matches says so, rather than leaving the last count.
    if width < 600:
        page.locator(".filter-panel summary").click()  # folded again on the results page
    page.locator("#id_university").fill("")
    page.locator("#id_university").press_sequentially("zzzz", delay=50)
    page.wait_for_function(
        "(text) => document.getElementById('id_university-status').textContent === text",
        arg=NONE_HEARD[language],
    )
    context.close()
