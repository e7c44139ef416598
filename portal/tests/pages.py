"""The public pages to look at: every list with each filter its form offers (each sort), a
page past the end, details of every kind, country, home, search, feeds, calendars, sitemaps.
Built from the database and the lists' own FilterSets, so a new filter is covered unasked;
used by the query plan test and `bench/scale_benchmark.py`."""

import re

from django.apps import apps
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone, translation

from scoculture.pagination import MAX_PAGES

LISTS = {
    "programmes:programme_list": "programmes.Programme",
    "festivals:festival_list": "festivals.Festival",
    "universities:university_list": "universities.University",
    "heritage:site_list": "heritage.HeritageSite",
}
DETAILS = {
    "programmes:programme_detail": "programmes.Programme",
    "festivals:festival_detail": "festivals.Festival",
    "universities:university_detail": "universities.University",
    "heritage:site_detail": "heritage.HeritageSite",
    "countries:country_detail": "scoculture.Country",
}


def filter_queries(url):
    """The list's own URLs: each filter with a value its form offers (every option of the
    sort), and a page far past the end."""
    filterset_class = resolve(url).func.view_class.filterset_class
    form = filterset_class({}).form
    today = timezone.localdate().isoformat()
    queries = [{}, {"page": MAX_PAGES}, {"page": 50_000}]
    for name, field in form.fields.items():
        choices = [value for value, _label in getattr(field, "choices", None) or [] if value != ""]
        if name == "sort":
            queries += [{name: value} for value in choices]
        elif choices:
            queries.append({name: choices[-1]})
        elif hasattr(field, "rows"):  # a text box for a big table's rows: the last one's slug
            queries.append({name: field.rows().order_by("-pk").values_list("slug", flat=True)[0]})
        elif field.__class__.__name__ == "BooleanField":
            queries.append({name: "on"})
        elif field.__class__.__name__ == "DateField":
            queries.append({name: today})
        elif field.__class__.__name__ == "IntegerField":
            queries.append({name: 2000})
        else:  # a common word and a rare one
            queries += [{name: "silk"}, {name: "samarkand"}]
    return queries


def public_urls():
    urls = [(reverse("home"), {}), (reverse("search"), {"q": "silk road"})]
    urls += [(reverse("calendar"), {}), (reverse("programmes:programme_feed"), {})]
    urls += [(reverse("countries:country_list"), {})]
    for name in LISTS:
        url = reverse(name)
        urls += [(url, query) for query in filter_queries(url)]
        for language in ("ru", "zh-hans"):  # the text filter reads each language's columns
            with translation.override(language):
                urls.append((reverse(name), {"q": "silk"}))
    for name, label in DETAILS.items():
        record = apps.get_model(label).objects.published().first()
        urls.append((reverse(name, kwargs={"slug": record.slug}), {}))
    festival = apps.get_model("festivals.Festival").objects.published().first()
    urls.append((reverse("festivals:festival_ics", kwargs={"slug": festival.slug}), {}))
    # The index, then the first page of each section (a big section lists ?p=2, 3... too: the
    # same query over another range of keys).
    sitemap_sections = dict.fromkeys(re.findall(r"/sitemap-([\w-]+)\.xml", sitemap_index()))
    urls.append((reverse("sitemap"), {}))
    urls += [(f"/sitemap-{section}.xml", {}) for section in sitemap_sections]
    return urls


def sitemap_index():
    return Client().get(reverse("sitemap")).content.decode()
