"""The reports read on a phone: the page never widens past the screen, tables scroll inside
their box, counts line up on the right."""

import pytest
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.conftest import BROWSER_MARKS, shot
from scoculture.tests.factories import CountryFactory

pytestmark = BROWSER_MARKS


@pytest.mark.parametrize("width", [375, 1280])
def test_reports_fit_the_screen(live_server, browser, django_user_model, width):
    user = django_user_model.objects.create_superuser("boss", password="pw-Long-enough-1")
    countries = [CountryFactory(name=f"Country with a long name {n}") for n in range(8)]
    for n, country in enumerate(countries):
        ProgrammeFactory(host_country=country, partner_countries=countries[n + 1 :])
        FestivalFactory(host_country=country, participating_countries=countries[:n])
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw-Long-enough-1")
    page.click("input[type=submit]")
    for name, args in [("reports:index", []), ("reports:report", ["cooperation-matrix"])]:
        page.goto(live_server.url + reverse(name, args=args))
        shot(page, f"report-{args[0] if args else 'index'}-{width}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (name, width, overflow)
    count = page.locator(".report__table td.num").first
    assert count.evaluate("cell => getComputedStyle(cell).textAlign") == "right"
    context.close()
