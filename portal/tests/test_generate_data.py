"""manage.py generate_data: synthetic records in bulk, valid, labelled, seeded, and the public
pages answering with them at the query counts pinned for the list pages."""

import hashlib
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation

from festivals.models import Festival
from festivals.tests.factories import FestivalFactory
from heritage.models import HeritageSite
from heritage.tests.factories import HeritageSiteFactory
from portal.synthetic import Generator, Plan, source
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Country
from scoculture.public_cache import GENERATION_KEY
from scoculture.tests.helpers import card_links
from universities.models import University
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

SEED = 7
SIZES = {"programmes": 200, "festivals": 100, "universities": 80, "heritage_sites": 80}
MODELS = {
    Programme: SIZES["programmes"],
    Festival: SIZES["festivals"],
    University: SIZES["universities"],
    HeritageSite: SIZES["heritage_sites"],
}
RELATIONS = {
    Programme: [
        "partner_countries",
        "host_universities",
        "languages",
        "fields_of_study",
        "heritage_sites",
    ],
    Festival: ["participating_countries", "heritage_sites"],
    University: ["priority_areas"],
    HeritageSite: ["countries"],
}


def generate(**options):
    out = io.StringIO()
    call_command("generate_data", **{**SIZES, "seed": SEED, **options}, stdout=out)
    return out.getvalue()


@pytest.fixture
def generated():
    return generate(batch_size=64)  # several batches a kind


def digest():
    """A hash of every generated value and link, by slug (ids and timestamps left out)."""
    hashed = hashlib.sha256()
    for model, relations in RELATIONS.items():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if f.attname not in ("id", "created_at", "updated_at")
        ]
        for row in model.objects.order_by("slug").values_list(*fields):
            hashed.update(repr(row).encode())
        for relation in relations:
            target = model._meta.get_field(relation).related_model
            key = "code" if target in (Country,) else "slug"
            links = model.objects.order_by("slug", f"{relation}__{key}").values_list(
                "slug", f"{relation}__{key}"
            )
            hashed.update(repr(list(links)).encode())
    return hashed.hexdigest()


def delete_generated():
    for model in (Festival, Programme, University, HeritageSite):
        model.objects.filter(source=source(SEED)).delete()


def test_creates_the_rows_asked_for_and_the_demo_countries(generated):
    assert {model: model.objects.count() for model in MODELS} == MODELS
    assert Country.objects.count() == 26  # an empty database gets the demo's countries
    assert "200 programmes" in generated and "rows/s" in generated


def test_reuses_the_countries_present():
    kz = Country.objects.create(
        name="Kazakhstan", code="KZ", slug="kazakhstan", sco_status="member", status="published"
    )
    generate()
    assert list(Country.objects.all()) == [kz]
    assert set(Programme.objects.values_list("host_country", flat=True)) == {kz.pk}


def test_without_a_published_country_says_so():
    Country.objects.create(name="Draftland", code="DL", slug="draftland", sco_status="member")
    with pytest.raises(CommandError, match="No published country"):
        generate()
    assert not HeritageSite.objects.exists()


def test_every_record_is_labelled_synthetic_and_an_example(generated):
    for model in MODELS:
        assert set(model.objects.values_list("source", "is_example")) == {
            (f"synthetic (generate_data, seed {SEED})", True)
        }
        assert (
            model.objects.filter(description_en__icontains="synthetic").count() == (MODELS[model])
        )


def test_every_record_passes_model_validation(generated):
    for model in MODELS:
        for record in model.objects.all():
            record.full_clean()


def test_titles_in_three_languages_and_the_base_column_in_english(generated):
    field = {Programme: "title", Festival: "title", University: "name", HeritageSite: "name"}
    for model, name in field.items():
        for row in model.objects.values(name, f"{name}_en", f"{name}_ru", f"{name}_zh_hans"):
            assert row[name] == row[f"{name}_en"]
            assert all(row.values()), row
            assert row[f"{name}_ru"] != row[f"{name}_en"] != row[f"{name}_zh_hans"]


def test_many_to_many_links_are_made(generated):
    for model, relations in RELATIONS.items():
        for relation in relations:
            through = model._meta.get_field(relation).remote_field.through
            assert through.objects.exists(), relation
    # Links reach only this run's universities and sites.
    linked = University.objects.filter(programmes__isnull=False)
    assert linked.exists() and not linked.exclude(source=source(SEED)).exists()


def test_each_site_stores_its_number_of_countries(generated):
    """The links are written without the signals that keep `country_count`."""
    sites = HeritageSite.objects.annotate(links=Count("countries"))
    counts = list(sites.values_list("country_count", "links"))
    assert counts and all(stored == links for stored, links in counts), counts


def test_a_mix_of_published_drafts_and_scheduled_and_only_published_is_public(client, generated):
    now = timezone.now()
    drafts = Programme.objects.filter(status="draft")
    scheduled = Programme.objects.filter(status="published", published_at__gt=now)
    assert drafts.exists() and scheduled.exists()
    public = Programme.objects.published()
    assert public.count() == 200 - drafts.count() - scheduled.count() > 180
    for hidden in (drafts.first(), scheduled.first()):
        assert client.get(hidden.get_absolute_url()).status_code == 404


def test_same_seed_same_rows_another_seed_other_rows():
    today = timezone.localdate()
    Generator(Plan(**SIZES, seed=SEED), today=today).run()
    first = digest()
    delete_generated()
    assert not Programme.objects.exists()
    Generator(Plan(**SIZES, seed=SEED, batch_size=17), today=today).run()
    assert digest() == first
    delete_generated()
    Generator(Plan(**SIZES, seed=SEED + 1), today=today).run()
    assert digest() != first


def test_the_same_seed_twice_is_refused_with_a_message(generated):
    with pytest.raises(CommandError, match="seed 7 are already in the database"):
        generate()


@pytest.mark.parametrize("option", ["--programmes=-1", "--batch-size=0", "--seed=x"])
def test_bad_numbers_are_refused_with_a_message(option):
    with pytest.raises(CommandError, match="expected a whole number"):
        call_command("generate_data", option)
    assert not Programme.objects.exists()


def test_empties_the_public_cache(generated):
    cache.set(GENERATION_KEY, {"token": "before", "until": None})
    generate(seed=SEED + 1, programmes=1)
    assert cache.get(GENERATION_KEY) is None


LISTS = [
    "programmes:programme_list",
    "festivals:festival_list",
    "universities:university_list",
    "heritage:site_list",
]


def public_pages():
    return [
        reverse("home"),
        *map(reverse, LISTS),
        reverse("countries:country_list"),
        *(model.objects.published().first().get_absolute_url() for model in MODELS),
        Country.objects.get(code="CN").get_absolute_url(),
    ]


def test_public_pages_answer_with_the_generated_data(client, generated):
    for language in ("en", "ru", "zh-hans"):
        with translation.override(language):
            pages = public_pages()
        for page in pages:
            assert client.get(page).status_code == 200, page
    translation.activate("en")  # the last request left Chinese active
    for name in LISTS:
        assert len(card_links(client.get(reverse(name)))) == 24, name
    for language, words in (("en", "Silk Road"), ("ru", "Шёлковый путь")):
        with translation.override(language):
            found = client.get(reverse("search"), {"q": words.lower()})
        assert found.status_code == 200 and words in found.content.decode()


@pytest.mark.parametrize("scale", [1, 5])
@pytest.mark.parametrize(
    ("name", "params", "queries", "kept"),
    [
        # The rows' country joined into them (one query fewer than before 2026-12-03).
        ("programmes:programme_list", {"sort": "deadline"}, 13, 4),
        ("festivals:festival_list", {"when": "upcoming"}, 10, 4),
        ("universities:university_list", {"q": "university"}, 9, 4),
        ("heritage:site_list", {"unesco_status": "inscribed"}, 9, 4),
    ],
)
def test_list_query_counts_hold_with_generated_data(
    client, django_assert_num_queries, name, params, queries, kept, scale
):
    """The counts pinned in each app's list tests, over hundreds and thousands of rows: the
    first request of a content generation, then one that reads the choices, facets and count
    kept for it."""
    generate(**{kind: n * scale for kind, n in SIZES.items()})
    # A running server has looked up the content types of the lists' photos once and for all.
    ContentType.objects.get_for_models(*MODELS)
    with django_assert_num_queries(queries):
        response = client.get(reverse(name), params)
    assert len(card_links(response)) == 24
    with django_assert_num_queries(kept):
        assert client.get(reverse(name), params).content == response.content


def test_records_saved_afterwards_get_fresh_ids(generated):
    """The generated rows take their ids themselves: PostgreSQL's sequences must follow."""
    for factory in (ProgrammeFactory, FestivalFactory, UniversityFactory, HeritageSiteFactory):
        record = factory()
        assert record.pk > MODELS[type(record)]


def test_progress_is_told_of_every_batch():
    """The command's bar (on a terminal) advances by these counts, up to the plan's total."""
    told = []
    plan = Plan(**SIZES, seed=SEED, batch_size=64)
    Generator(plan, progress=told.append).run()
    assert sum(told) == plan.total == 460
    assert max(told) == 64 and len(told) == 4 + 2 + 2 + 2  # 200/64, 100/64, 80/64, 80/64
