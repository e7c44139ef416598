import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from portal.search import (
    KINDS,
    RESULTS_PER_KIND,
    StoredDocument,
    prefix_query,
    prefix_tsquery,
)
from programmes.tests.factories import ProgrammeFactory
from routes.tests.factories import RouteFactory
from scoculture.tests.helpers import DRAFT, query_plan
from scoculture.words import uzbek_base
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db


def search(client, q, **extra):
    return client.get(reverse("search"), {"q": q, **extra})


def found(response, kind):
    return next(results for k, results, more in response.context["groups"] if k.key == kind)


def test_one_box_across_the_four_kinds_grouped_by_kind(client):
    programme = ProgrammeFactory(title="Samarkand summer school")
    festival = FestivalFactory(title="Samarkand film festival")
    university = UniversityFactory(name="Samarkand State University")
    site = HeritageSiteFactory(name="Samarkand, Crossroad of Cultures")
    ProgrammeFactory(title="Beijing opera course")
    response = search(client, "samarkand")
    assert response.status_code == 200
    assert found(response, "programmes") == [programme]
    assert found(response, "festivals") == [festival]
    assert found(response, "universities") == [university]
    assert found(response, "sites") == [site]
    assert response.context["total"] == 4
    html = response.content.decode()
    for obj in (programme, festival, university, site):
        assert obj.get_absolute_url() in html


@pytest.mark.parametrize(
    ("column", "value", "q"),
    [
        ("title_en", "Silk Road youth camp", "silk road"),
        ("title_ru", "Молодёжный лагерь Шёлкового пути", "лагерь"),
        ("title_zh_hans", "丝绸之路青年营", "丝绸之路"),
    ],
)
def test_finds_a_title_in_each_language_column(client, column, value, q):
    programme = ProgrammeFactory(**{column: value})
    assert found(search(client, q), "programmes") == [programme]


def test_cyrillic_search_ignores_case(client):
    site = HeritageSiteFactory(name_ru="Исторический центр Бухары")
    assert found(search(client, "бухары"), "sites") == [site]
    assert found(search(client, "ИСТОРИЧЕСКИЙ"), "sites") == [site]


def test_finds_words_in_the_summary_too(client):
    site = HeritageSiteFactory(name="Registan", summary="Three madrasahs around a square.")
    assert found(search(client, "madrasahs"), "sites") == [site]


def test_title_match_ranks_first_on_postgresql(client):
    in_summary = ProgrammeFactory(title="A course", summary="About calligraphy in summer.")
    in_title = ProgrammeFactory(title="Calligraphy workshop")
    results = found(search(client, "calligraphy"), "programmes")
    assert set(results) == {in_summary, in_title}
    if connection.vendor == "postgresql":
        assert results == [in_title, in_summary]


def test_drafts_and_scheduled_are_never_found(client):
    ProgrammeFactory(title="Hidden draft programme", **DRAFT)
    FestivalFactory(title="Hidden draft festival", **DRAFT)
    UniversityFactory(name="Hidden draft university", **DRAFT)
    HeritageSiteFactory(name="Hidden draft site", **DRAFT)
    RouteFactory(title="Hidden draft route", **DRAFT)
    response = search(client, "hidden")
    assert response.context["total"] == 0
    assert "Hidden draft" not in response.content.decode()


def test_results_are_capped_per_kind(client):
    ProgrammeFactory.create_batch(RESULTS_PER_KIND + 2, summary="Pottery")
    response = search(client, "pottery")
    groups = {k.key: (results, more) for k, results, more in response.context["groups"]}
    results, more = groups["programmes"]
    assert len(results) == RESULTS_PER_KIND
    assert more
    # The rest are one click away, on the list page filtered by the same words.
    assert 'href="/en/programmes/?q=pottery"' in response.content.decode()


@pytest.mark.parametrize("q", ["", "   ", "!!!", "&|:*()'", "a" * 200])
def test_odd_queries_answer_200(client, q):
    assert search(client, q).status_code == 200


def test_overlong_query_is_a_form_error(client):
    response = search(client, "x" * 201)
    assert response.status_code == 200
    assert response.context["form"].errors["q"]
    assert response.context["groups"] == []


def test_null_character_is_a_form_error_not_a_500(client):
    response = search(client, "silk\x00road")
    assert response.status_code == 200
    assert response.context["form"].errors["q"]


def test_no_query_shows_just_the_form(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("search"))
    assert response.status_code == 200
    assert response.context["groups"] == []


@pytest.mark.parametrize("n", [2, 10])
def test_query_count_one_per_kind_and_related_country(client, django_assert_num_queries, n):
    ProgrammeFactory.create_batch(n, title="Tea ceremony")
    FestivalFactory.create_batch(n, title="Tea festival")
    UniversityFactory.create_batch(n, name="Tea university")
    HeritageSiteFactory.create_batch(n, name="Tea road")
    RouteFactory.create_batch(n, title="Tea route")
    # One query a kind: the related country is joined into it (a query more a kind before).
    with django_assert_num_queries(len(KINDS)):
        response = search(client, "tea")
    assert response.context["total"] == 5 * n


@pytest.mark.parametrize(
    ("fields", "q"),
    [
        ({"title": "Cities of the Fergana Valley"}, "fergana"),
        ({"title_ru": "Города Ферганской долины"}, "ферганской"),
        ({"title_zh_hans": "费尔干纳谷地之城"}, "费尔干纳"),
        ({"title": "Untitled", "summary": "Caravanserais of the steppe"}, "caravanserai"),
        ({"title": "Untitled", "theme": "archaeology"}, "archaeology"),
    ],
)
def test_finds_published_routes(client, fields, q):
    route = RouteFactory(**fields)
    RouteFactory(title="Another journey", summary="", theme="nature")
    RouteFactory(**{**fields, "slug": "draft"}, **DRAFT)
    response = search(client, q)
    assert found(response, "routes") == [route]
    assert route.get_absolute_url() in response.content.decode()


def test_more_routes_link_to_the_route_list_filtered_by_the_same_words(client):
    RouteFactory.create_batch(RESULTS_PER_KIND + 1, title="Steppe journey")
    response = search(client, "steppe")
    assert 'href="/en/routes/?q=steppe"' in response.content.decode()


def test_prefix_query_keeps_only_words():
    assert prefix_query("!!! ()") is None
    assert prefix_tsquery("Silk  road!") == "silk:* & road:*"
    assert prefix_tsquery("a'b & c|d:*") == "a:* & b:* & c:* & d:*"
    assert prefix_tsquery("__") == ""


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(max_size=250))
def test_random_queries_never_500(client, q):
    assert search(client, q).status_code == 200


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="GIN indexes exist on PostgreSQL only"
)
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_postgresql_uses_the_gin_index(kind):
    """The stored document is indexed, and the search's match can use that index."""
    queryset = (
        kind.model.objects.order_by()
        .alias(document=StoredDocument())
        .filter(document=prefix_query("silk"))
    )
    plan = query_plan(queryset, "seqscan")
    assert "_search_idx" in plan, plan


KIND_FACTORIES = {
    "programmes": ProgrammeFactory,
    "festivals": FestivalFactory,
    "universities": UniversityFactory,
    "sites": HeritageSiteFactory,
    "routes": RouteFactory,
}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stored on PostgreSQL only")
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_the_stored_document_is_the_kinds_document_after_every_change(kind):
    """The migrations store the expression the kind declares, and PostgreSQL keeps it up to
    date when a row changes, by save() or by a bulk update alike."""
    row = KIND_FACTORIES[kind.key]()
    for change in ("Шёлковый путь", "丝绸之路 Samarkand"):
        kind.model.objects.filter(pk=row.pk).update(
            **{f"{kind.title_field}_ru": change, f"{kind.title_field}_zh_hans": change}
        )
        stored, computed = (
            kind.model.objects.filter(pk=row.pk)
            .annotate(stored=StoredDocument(), computed=kind.vector())
            .values_list("stored", "computed")
            .get()
        )
        assert stored == computed and change.split()[0].lower() in stored


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stored on PostgreSQL only")
def test_the_search_reads_each_rows_document_and_computes_none(client):
    """Computed, a row's document costs some 100 microseconds: a third of a second for the
    rows a common word's search walks at a million programmes."""
    ProgrammeFactory(title="Silk Road summer school")
    with CaptureQueriesContext(connection) as queries:
        assert found(search(client, "silk road"), "programmes")
    searched = [q["sql"] for q in queries if "programmes_programme" in q["sql"]]
    assert searched and not any("to_tsvector" in sql for sql in searched), searched


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking runs on PostgreSQL only")
def test_only_the_newest_matches_are_ranked(client, monkeypatch):
    monkeypatch.setattr("portal.search.RANK_CANDIDATES", 2)

    def published(days_ago):
        return {"published_at": timezone.now() - timezone.timedelta(days=days_ago)}

    ProgrammeFactory(title="Felt making, old", **published(30))
    newer = ProgrammeFactory(title="Felt making, newer", **published(20))
    newest = ProgrammeFactory(title="Felt making, newest", **published(10))
    assert set(found(search(client, "felt"), "programmes")) == {newer, newest}


@pytest.mark.parametrize(
    ("title", "q"),
    [
        ("Silk Road youth camp", "Silk Roads"),
        ("Nauryz festival", "festivals"),
        ("Summer courses in Dushanbe", "course"),
        ("Исторический центр Бухары", "Бухара"),
        ("Фестиваль народной музыки", "фестивали"),
    ],
)
def test_plurals_and_word_forms_match_on_every_database(client, title, q):
    programme = ProgrammeFactory(title=title)
    ProgrammeFactory(title="Railroads of the steppe")  # a word *ending* in the stem: not found
    assert found(search(client, q), "programmes") == [programme]


def test_words_are_stemmed_then_matched_as_prefixes():
    assert prefix_tsquery("Silk Roads!") == "silk:* & road:*"
    assert prefix_tsquery("университеты studies bus class") == (
        "университет:* & stud:* & bus:* & class:*"
    )


def test_uzbek_endings_are_cut_from_latin_and_cyrillic_words():
    assert uzbek_base("samarqandda") == "samarqand"
    assert uzbek_base("buxoroning") == "buxoro"
    assert uzbek_base("xivaga") == "xiva"
    assert uzbek_base("самарқандда") == "самарқанд"
    assert uzbek_base("бухоронинг") == "бухоро"
    assert uzbek_base("хивага") == "хива"
    for word in ("xiva", "xivda", "хива", "хивда", "撒马尔罕", "samarqand2da", "bukhoroнинг"):
        assert uzbek_base(word) is None, word


def test_every_word_must_match_somewhere(client):
    ProgrammeFactory(title="Silk weaving")
    assert found(search(client, "silk roads"), "programmes") == []


@pytest.mark.parametrize(
    ("q", "kind"),
    [
        ("scholarship", "scholarship"),
        ("Scholarships", "scholarship"),
        ("стипендии", "scholarship"),
        ("奖学金", "scholarship"),
        ("exchange", "student_exchange"),
        ("language course", "language_course"),
        ("языковые курсы", "language_course"),
    ],
)
def test_kind_words_find_their_programmes_in_every_language(client, q, kind):
    programme = ProgrammeFactory(title="Untitled A", summary="", kind=kind)
    other = "training" if kind != "training" else "volunteering"
    ProgrammeFactory(title="Untitled B", summary="", kind=other)
    assert found(search(client, q), "programmes") == [programme]


def test_funding_words_find_their_programmes(client):
    full = ProgrammeFactory(title="Untitled A", summary="", funding="full")
    ProgrammeFactory(title="Untitled B", summary="", funding="self")
    assert found(search(client, "fully funded"), "programmes") == [full]
    assert found(search(client, "全额资助"), "programmes") == [full]


@pytest.mark.parametrize(
    "q",
    [
        "scholarship",
        "Scholarships",
        "grants",
        "stipend",
        "грант",
        "гранты",
        "стипендия",
        "стипендии",
        "奖学金",
        "助学金",
    ],
)
def test_scholarship_and_grant_words_find_the_funded_programmes(client, q):
    """A scholarship or a grant is money from someone else: the programmes fully or partly
    funded, whatever their kind (the demo has no programme of the kind "scholarship")."""
    full = ProgrammeFactory(title="Untitled A", summary="", kind="training", funding="full")
    partial = ProgrammeFactory(title="Untitled B", summary="", kind="training", funding="partial")
    ProgrammeFactory(title="Untitled C", summary="", kind="training", funding="self")
    ProgrammeFactory(title="Untitled D", summary="", kind="training", funding="")
    assert found(search(client, q), "programmes") == [full, partial]


def test_a_kind_word_combines_with_other_words(client):
    wanted = ProgrammeFactory(title="Study in Tashkent", summary="", kind="scholarship")
    ProgrammeFactory(title="Study in Almaty", summary="", kind="scholarship")
    ProgrammeFactory(title="Tashkent camp", summary="", kind="youth_camp")
    assert found(search(client, "scholarship tashkent"), "programmes") == [wanted]


def test_short_label_words_name_no_choice(client):
    ProgrammeFactory(title="Untitled", summary="", kind="summer_school")
    assert found(search(client, "or"), "programmes") == []


@pytest.mark.parametrize("q", ["Samarqand", "Самарканд", "Самарканда"])
def test_alternate_names_find_the_site(client, q):
    site = HeritageSiteFactory(
        name="Samarkand – Crossroad of Cultures", alternate_names="Samarqand\nСамарканд"
    )
    HeritageSiteFactory(name="Historic Centre of Bukhara", alternate_names="Buxoro")
    assert found(search(client, q), "sites") == [site]


@pytest.mark.parametrize(
    ("q", "slug"),
    [
        ("Samarqandda", "samarkand"),  # in Samarkand
        ("Samarqandning", "samarkand"),  # of Samarkand
        ("Buxoroning", "bukhara"),
        ("Buxorodagi", "bukhara"),  # that is in Bukhara
        ("Xivaga", "khiva"),  # to Khiva
        ("Xivadan", "khiva"),  # from Khiva
        ("Самарқандда", "samarkand"),  # the same in Uzbek Cyrillic
        ("Бухородаги", "bukhara"),
        ("Хивага", "khiva"),
    ],
)
def test_uzbek_case_endings_find_the_site(client, q, slug):
    sites = {
        "samarkand": HeritageSiteFactory(name="Samarkand", alternate_names="Samarqand\nСамарқанд"),
        "bukhara": HeritageSiteFactory(
            name="Historic Centre of Bukhara", alternate_names="Buxoro\nБухоро"
        ),
        "khiva": HeritageSiteFactory(name="Itchan Kala", alternate_names="Xiva\nХива"),
    }
    assert found(search(client, q), "sites") == [sites[slug]]


@pytest.mark.parametrize(("q", "name"), [("Canada", "Canal of Suzhou"), ("training", "Trains")])
def test_an_uzbek_ending_is_cut_only_to_match_a_whole_word(client, q, name):
    """What is left once the ending is cut must be a whole word, so an English word that ends
    like an Uzbek case ("Cana-da", "trai-ning") finds nothing new. (A row that matches keeps
    PostgreSQL's typo fallback, which would find the near name, out of it.)"""
    ProgrammeFactory(title=name, summary="")
    site = HeritageSiteFactory(name=name)
    wanted = ProgrammeFactory(title=f"{q} week", summary="")
    assert found(search(client, q), "programmes") == [wanted]
    HeritageSiteFactory(name=f"{q} house")
    assert site not in found(search(client, q), "sites")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_typos_in_names_find_by_trigrams_when_the_words_find_nothing(client):
    site = HeritageSiteFactory(name="Samarkand – Crossroad of Cultures")
    bukhara = HeritageSiteFactory(name="Historic Centre of Bukhara")
    assert found(search(client, "Samarkant"), "sites") == [site]
    assert found(search(client, "bukhra"), "sites") == [bukhara]
    assert found(search(client, "zzzzqqq"), "sites") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_a_query_that_finds_nothing_costs_one_more_query_per_kind(
    client, django_assert_num_queries
):
    with django_assert_num_queries(2 * len(KINDS)):
        search(client, "zzzzqqq")
