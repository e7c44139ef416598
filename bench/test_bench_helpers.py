"""The parts of bench/load.py and bench/lighthouse.py that read pages and reports (no server)."""

import random
from urllib.parse import parse_qsl

from lighthouse import elements, failing_audits
from load import FormOptions, filter_queries, percentile

LIST_PAGE = """
<form class="site-search" method="get"><select name="scope"><option value="all">All</option>
</select></form>
<form class="filter-form" method="get" action="/en/programmes/">
  <input type="text" name="q">
  <select name="kind"><option value="">Any</option><option value="camp">Camp</option>
    <option value="school">School</option></select>
  <select name="country"><option value="">Any</option><option value="cn">China</option>
    <option value="ru">Russia</option><option value="kz">Kazakhstan</option></select>
  <input type="checkbox" name="open">
  <select name="sort"><option value="">Soonest</option><option value="latest">Latest</option>
  </select>
</form>
"""


def parsed():
    options = FormOptions()
    options.feed(LIST_PAGE)
    return options


def test_form_options_reads_only_the_filter_form_and_skips_empty_options():
    options = parsed()
    assert options.selects == {
        "kind": ["camp", "school"],
        "country": ["cn", "ru", "kz"],
        "sort": ["latest"],
    }
    assert options.checkboxes == ["open"]


def test_filter_queries_are_distinct_use_offered_values_and_repeat_with_the_seed():
    options = parsed()
    queries = filter_queries(options, random.Random(1), 6)
    assert len(queries) == len(set(queries)) == 6
    offered = {**options.selects, "open": ["on"]}
    for query in queries:
        params = dict(parse_qsl(query))
        assert params
        assert all(value in offered[name] for name, value in params.items())
    assert filter_queries(options, random.Random(1), 6) == queries


def test_percentile_of_sorted_values():
    values = list(range(1, 101))
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (50, 95, 99)
    assert percentile([7], 99) == 7


def test_elements_found_in_nested_insight_details():
    audit = {
        "displayValue": "1 layout shift found",
        "details": {
            "type": "list",
            "items": [
                {
                    "type": "table",
                    "headings": [{"key": "node", "valueType": "node"}],
                    "items": [
                        {"node": {"type": "text", "value": "Total"}},
                        {
                            "node": {
                                "type": "node",
                                "selector": "main > section.list-results",
                                "snippet": '<section class="list-results">',
                            }
                        },
                    ],
                },
                "a plain string item",
            ],
        },
    }
    assert elements(audit) == [
        "1 layout shift found",
        'main > section.list-results <section class="list-results">',
    ]


def test_elements_fall_back_to_source_urls():
    audit = {
        "details": {
            "type": "table",
            "items": [
                {
                    "source": "network",
                    "sourceLocation": {
                        "type": "source-location",
                        "url": "http://127.0.0.1:8790/favicon.ico",
                    },
                }
            ],
        }
    }
    assert elements(audit) == ["http://127.0.0.1:8790/favicon.ico"]


def test_failing_audits_costliest_first_without_passing_or_informative_ones():
    lhr = {
        "categories": {
            "performance": {
                "auditRefs": [
                    {"id": "tbt", "weight": 30},
                    {"id": "cls", "weight": 25},
                    {"id": "lcp", "weight": 25},
                    {"id": "hint", "weight": 0},
                    {"id": "info", "weight": 0},
                ]
            }
        },
        "audits": {
            "tbt": {"score": 0.96},
            "cls": {"score": 0.29},
            "lcp": {"score": 1},
            "hint": {"score": 0},
            "info": {"score": 0, "scoreDisplayMode": "informative"},
        },
    }
    assert [a["id"] for a in failing_audits(lhr, "performance")] == ["cls", "tbt", "hint"]
