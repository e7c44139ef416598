"""Issue 12, as a reader checks it: a heritage site, a programme and a festival of the demo
data, read in Russian and in Chinese in a browser, show no English outside text marked
lang="en" (the bibliography, a name no source gives in that language): not in the text, not
in an image's alt text."""

import pytest
from django.utils import translation

from festivals.models import Festival
from heritage.models import HeritageSite
from photos.placeholders import add_placeholder
from portal.demo.loader import load_demo_data
from programmes.models import Programme
from scoculture.tests.conftest import BROWSER_MARKS, shot

pytestmark = BROWSER_MARKS

# Two Latin words in a row, in the page's main content, outside any element with lang="en".
ENGLISH_IN_MAIN = """() => {
  const english = /[A-Za-z]{3,}[ ,:;]+[A-Za-z]{3,}/;
  const main = document.querySelector("main");
  const found = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('[lang="en"], script, style')) continue;
    if (english.test(node.textContent)) found.push(node.textContent.trim());
  }
  for (const element of main.querySelectorAll("[alt], [aria-label], [title]")) {
    if (element.closest('[lang="en"]')) continue;
    for (const name of ["alt", "aria-label", "title"]) {
      const value = element.getAttribute(name);
      if (value && english.test(value)) found.push(`${name}: ${value}`);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("language", ["ru", "zh-hans"])
def test_a_site_a_programme_and_a_festival_read_without_english(live_server, browser, language):
    load_demo_data()
    pages = [
        HeritageSite.objects.get(slug="samarkand-crossroads-of-cultures"),
        Programme.objects.get(slug="sco-university-master-ecology"),
        # An edition ("first edition") and no coordinates: a placeholder picture, not a map.
        Festival.objects.get(slug="sco-world-heritage-online-3d-exhibition"),
    ]
    for obj in pages:
        add_placeholder(obj)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for obj in pages:
        with translation.override(language):
            url = obj.get_absolute_url()
        page.goto(f"{live_server.url}{url}")
        shot(page, f"no-english-{obj._meta.model_name}-{language}")
        assert page.locator("main img").count() >= 1  # the picture's alt text is read too
        assert page.evaluate(ENGLISH_IN_MAIN) == [], url
    context.close()
