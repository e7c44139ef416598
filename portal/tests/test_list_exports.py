"""The staff CSV exports of the public lists: exactly the filtered page's rows, for staff only."""

from itertools import islice

import pytest
from django.contrib.auth.models import Permission
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import translation

from exports.exporters import TRAILER
from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.exports import ProgrammeExporter
from programmes.tests.factories import FieldOfStudyFactory, LanguageFactory, ProgrammeFactory
from scoculture.models import Publishable
from scoculture.tests.csvfiles import read_export
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import PriorityAreaFactory, UniversityFactory

pytestmark = pytest.mark.django_db

LISTS = {
    "programmes:programme": "programmes",
    "festivals:festival": "festivals",
    "universities:university": "universities",
    "heritage:site": "heritage-sites",
}


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


def export_rows(response):
    assert response.status_code == 200, response.content[:300]
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return read_export(b"".join(response.streaming_content))


def exported_slugs(client, name, query=""):
    header, *rows = export_rows(client.get(reverse(f"{name}_export") + query))
    assert header[-1] == "Slug"
    return [row[-1] for row in rows]


def page_slugs(client, name, query=""):
    """Every row the filtered list shows, page after page, in order."""
    slugs, page = [], 1
    while True:
        separator = "&" if query else "?"
        url = reverse(f"{name}_list") + query + (f"{separator}page={page}" if page > 1 else "")
        response = client.get(url)
        assert response.status_code == 200
        slugs += [obj.slug for obj in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            return slugs
        page += 1


@pytest.fixture
def catalogue():
    china, russia, kazakhstan = (
        CountryFactory(name="China", slug="china", code="CN"),
        CountryFactory(name="Russia", slug="russia", code="RU"),
        CountryFactory(name="Kazakhstan", slug="kazakhstan", code="KZ"),
    )
    chinese = LanguageFactory(name="Chinese", slug="chinese", code="zh")
    russian = LanguageFactory(name="Russian", slug="russian", code="ru")
    ecology = FieldOfStudyFactory(name="Ecology", slug="ecology")
    area = PriorityAreaFactory(name="Energy", slug="energy")
    university = UniversityFactory(country=china, slug="msu", priority_areas=[area])
    UniversityFactory(country=russia, priority_areas=[area, PriorityAreaFactory()])
    # China is host and partner: must come out once under country=china.
    ProgrammeFactory(
        host_country=china,
        partner_countries=[china, russia],
        languages=[chinese, russian],
        fields_of_study=[ecology],
        host_universities=[university],
        kind="scholarship",
    )
    ProgrammeFactory(host_country=russia, partner_countries=[china], languages=[russian])
    ProgrammeFactory(host_country=kazakhstan, partner_countries=[russia, kazakhstan])
    ProgrammeFactory(host_country=china, status=Publishable.Status.DRAFT, published_at=None)
    for index in range(30):  # more than a page
        ProgrammeFactory(host_country=kazakhstan, title=f"Kazakh programme {index:02}")
    FestivalFactory(host_country=china, participating_countries=[china, russia, kazakhstan])
    FestivalFactory(host_country=russia, participating_countries=[china], kind="film_festival")
    FestivalFactory(host_country=kazakhstan)
    HeritageSiteFactory(countries=[china, kazakhstan], slug="silk-roads")
    HeritageSiteFactory(countries=[china], category="natural", criteria="(vii)")
    HeritageSiteFactory(countries=[russia])


@pytest.mark.parametrize(
    "name,query",
    [
        ("programmes:programme", ""),
        ("programmes:programme", "?country=china"),
        ("programmes:programme", "?country=russia&sort=deadline"),
        ("programmes:programme", "?language=russian"),
        ("programmes:programme", "?field=ecology&university=msu"),
        ("programmes:programme", "?kind=scholarship&q=programme"),
        ("programmes:programme", "?sort=title&country=kazakhstan"),
        ("festivals:festival", ""),
        ("festivals:festival", "?country=china"),
        ("festivals:festival", "?kind=film_festival&sort=latest"),
        ("universities:university", "?area=energy"),
        ("universities:university", "?country=china&member=on"),
        ("heritage:site", ""),
        ("heritage:site", "?country=china"),
        ("heritage:site", "?transboundary=on"),
        ("heritage:site", "?category=natural"),
    ],
)
def test_export_is_exactly_the_filtered_page(reporter_client, catalogue, name, query):
    exported = exported_slugs(reporter_client, name, query)
    assert exported == page_slugs(reporter_client, name, query)
    assert len(exported) == len(set(exported))


def test_country_filter_counts_each_programme_once(reporter_client, catalogue):
    slugs = exported_slugs(reporter_client, "programmes:programme", "?country=china")
    assert len(slugs) == 2


def test_status_draft_and_all(reporter_client, catalogue):
    name = "programmes:programme"
    assert len(exported_slugs(reporter_client, name, "?status=draft")) == 1
    assert len(exported_slugs(reporter_client, name, "?status=all")) == 34
    assert len(exported_slugs(reporter_client, name, "?status=all&country=china")) == 3
    assert len(exported_slugs(reporter_client, name)) == 33


@pytest.mark.parametrize("query", ["?status=deleted", "?kind=nonsense", "?country=atlantis"])
def test_bad_parameters_are_a_400(reporter_client, catalogue, query):
    response = reporter_client.get(reverse("programmes:programme_export") + query)
    assert response.status_code == 400


@pytest.mark.parametrize("name,identifier", LISTS.items())
def test_who_may_export(client, reporter, editor, admin_user, name, identifier):
    url = reverse(f"{name}_export")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    client.force_login(editor)
    assert client.get(url).status_code == 403
    for user in (reporter, admin_user):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith(f'attachment; filename="{identifier}-20')
        assert export_rows(response)[0][0] in ("Title", "Name")


def test_a_single_permission_is_enough(client, django_user_model):
    user = django_user_model.objects.create_user("analyst", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="export_data"))
    client.force_login(user)
    assert client.get(reverse("programmes:programme_export")).status_code == 200


@pytest.mark.parametrize("n", [10, 200])
def test_export_query_count_does_not_grow(reporter_client, django_assert_num_queries, n):
    countries = [CountryFactory() for _ in range(3)]
    language = LanguageFactory()
    for _ in range(n):
        ProgrammeFactory(
            host_country=countries[0], partner_countries=countries[1:], languages=[language]
        )
    url = reverse("programmes:programme_export") + f"?country={countries[1].slug}"
    # Session and user (2), permissions (2), when the content generation ends and the
    # filter's country choices and the other choice lists, kept for it (5), then the rows (1)
    # and one query per many-to-many column (5).
    with django_assert_num_queries(15):
        rows = export_rows(reporter_client.get(url))
    assert len(rows) == n + 1


def test_export_in_russian_has_russian_headers_and_names(reporter_client):
    country = CountryFactory(name_en="China", name_ru="Китай", slug="china")
    ProgrammeFactory(title_en="Summer school", title_ru="Летняя школа", host_country=country)
    with translation.override("en"):  # the request switches to Russian: switch back after
        response = reporter_client.get(
            reverse("programmes:programme_export").replace("/en/", "/ru/")
        )
        header, row = export_rows(response)
    assert row[0] == "Летняя школа"
    assert row[2] == "Китай"


@pytest.mark.parametrize(
    "lang,title,country", [("ru", "Летняя школа", "Китай"), ("zh-hans", "暑期学校", "中国")]
)
def test_lang_parameter_chooses_the_export_language(reporter_client, lang, title, country):
    china = CountryFactory(name_en="China", name_ru="Китай", name_zh_hans="中国", slug="china")
    ProgrammeFactory(
        title_en="Summer school",
        title_ru="Летняя школа",
        title_zh_hans="暑期学校",
        host_country=china,
    )
    ProgrammeFactory(title_en="Only in English", host_country=china)
    url = reverse("programmes:programme_export")  # an English page...
    header, *rows = export_rows(reporter_client.get(url, {"lang": lang, "sort": "title"}))
    with translation.override(lang):
        assert header[0] == str(translation.gettext("Title"))
    titles = {row[0] for row in rows}
    assert title in titles and "Only in English" in titles  # English fills the gap
    assert {row[2] for row in rows} == {country}


def test_unknown_export_language_is_a_400(reporter_client):
    response = reporter_client.get(reverse("programmes:programme_export"), {"lang": "xx"})
    assert response.status_code == 400
    assert b"Unknown language" in response.content


def test_export_link_only_for_those_who_may_export(client, reporter, editor, catalogue):
    url = reverse("programmes:programme_list") + "?country=china&page=1"
    export = reverse("programmes:programme_export") + "?country=china"
    assert export not in client.get(url).content.decode()
    client.force_login(editor)
    assert export not in client.get(url).content.decode()
    client.force_login(reporter)
    assert export in client.get(url).content.decode()


def test_a_download_cut_short_lacks_the_trailer(client, reporter, monkeypatch):
    ProgrammeFactory.create_batch(3)
    complete = ProgrammeExporter.iter_data

    def fails_after_two_rows(self):
        yield from islice(complete(self), 2)
        raise ConnectionError("server closed the connection")

    monkeypatch.setattr(ProgrammeExporter, "iter_data", fails_after_two_rows)
    client.force_login(reporter)
    response = client.get(reverse("programmes:programme_export"))
    assert response.status_code == 200  # the header is sent before the rows are read
    pieces = []
    with pytest.raises(ConnectionError):
        for piece in response.streaming_content:
            pieces.append(piece)
    assert TRAILER.encode() not in b"".join(pieces)
