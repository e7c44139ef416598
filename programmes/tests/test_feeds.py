import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from programmes.tests.factories import ProgrammeFactory
from scoculture.tests.helpers import DRAFT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    # The calendar and the sitemaps are cached; each test starts from an empty cache.
    cache.clear()
    yield
    cache.clear()


class TestRSS:
    def test_new_programmes_newest_first_without_drafts(self, client):
        old = ProgrammeFactory(title="Older", published_at=timezone.now() - timezone.timedelta(5))
        new = ProgrammeFactory(title="Newer", summary="Fresh summary.")
        ProgrammeFactory(title="Secret draft", **DRAFT)
        response = client.get(reverse("programmes:programme_feed"))
        assert response.status_code == 200
        channel = ET.fromstring(response.content).find("channel")
        items = channel.findall("item")
        assert [item.findtext("title") for item in items] == ["Newer", "Older"]
        assert items[0].findtext("link") == f"http://testserver{new.get_absolute_url()}"
        assert items[0].findtext("description") == "Fresh summary."
        assert items[1].findtext("link").endswith(old.get_absolute_url())

    def test_markup_in_titles_and_summaries_is_escaped_once(self, client):
        # XML escaping only: a reader's parser gets back exactly the text that was typed.
        title = 'Tom & Jerry <live> "on stage"'
        summary = "Ages 5 < x & x > 10; &lt;literal&gt;"
        ProgrammeFactory(title=title, summary=summary)
        response = client.get(reverse("programmes:programme_feed"))
        [item] = ET.fromstring(response.content).find("channel").findall("item")
        assert item.findtext("title") == title
        assert item.findtext("description") == summary
        assert b"Tom &amp; Jerry &lt;live&gt;" in response.content
        assert b"&amp;lt;live" not in response.content

    @pytest.mark.parametrize("n", [2, 10])
    def test_query_count(self, client, django_assert_num_queries, n):
        ProgrammeFactory.create_batch(n)
        # The programmes, their published host countries joined (2 while they were a query of
        # their own): the FilterSet reads its choices only for a form, which a feed without
        # filters never builds.
        with django_assert_num_queries(1):
            client.get(reverse("programmes:programme_feed"))
