"""The programmes, festivals and universities FilterSets: each filter narrows exactly."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from programmes.filters import ProgrammeFilter
from programmes.models import Programme
from programmes.tests.factories import FieldOfStudyFactory, LanguageFactory, ProgrammeFactory
from scoculture.models import Format, Publishable, Sector
from scoculture.tests.factories import CountryFactory
from scoculture.tests.helpers import result, slugs
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


class TestProgrammeFilter:
    def test_unbound_lists_published_only(self):
        ProgrammeFactory(slug="pub")
        ProgrammeFactory(slug="draft", status=Publishable.Status.DRAFT)
        ProgrammeFactory(slug="later", published_at=timezone.now() + datetime.timedelta(days=1))
        assert slugs(ProgrammeFilter()) == ["pub"]

    def test_text_matches_title_summary_organiser_every_word(self):
        ProgrammeFactory(slug="a", title="Silk Road summer school")
        ProgrammeFactory(slug="b", summary="A summer of silk weaving")
        ProgrammeFactory(slug="c", organiser="Silk Road University", title="Winter camp")
        ProgrammeFactory(slug="d", title="Unrelated")
        assert result(ProgrammeFilter, q="silk") == ["a", "b", "c"]
        assert result(ProgrammeFilter, q="SILK summer") == ["a", "b"]
        assert result(ProgrammeFilter, q="  ") == ["a", "b", "c", "d"]

    def test_text_searches_the_active_language_and_english(self):
        from django.utils import translation

        ProgrammeFactory(slug="ru", title="Exchange", title_ru="Обмен студентами")
        ProgrammeFactory(slug="en", title="Student exchange")
        # (SQLite folds only ASCII case, so the Cyrillic query keeps its capital.)
        with translation.override("ru"):
            assert result(ProgrammeFilter, q="Обмен") == ["ru"]
            assert result(ProgrammeFilter, q="student") == ["en"]
        assert result(ProgrammeFilter, q="Обмен") == []

    def test_kind(self):
        ProgrammeFactory(slug="s", kind=Programme.Kind.SCHOLARSHIP)
        ProgrammeFactory(slug="e", kind=Programme.Kind.STUDENT_EXCHANGE)
        assert result(ProgrammeFilter, kind="scholarship") == ["s"]

    def test_country_is_host_or_partner_and_never_twice(self):
        kz, cn, ru = CountryFactory(slug="kz"), CountryFactory(slug="cn"), CountryFactory()
        ProgrammeFactory(slug="hosted", host_country=kz, partner_countries=[cn, ru])
        ProgrammeFactory(slug="partner", host_country=cn, partner_countries=[kz, ru])
        ProgrammeFactory(slug="both", host_country=kz, partner_countries=[kz, cn])
        ProgrammeFactory(slug="other", host_country=ru)
        filterset = ProgrammeFilter({"country": "kz"})
        assert slugs(filterset) == ["both", "hosted", "partner"]
        assert filterset.qs.count() == 3

    def test_vocabularies_and_university_by_slug_never_twice(self):
        uni, other_uni = UniversityFactory(slug="msu"), UniversityFactory()
        field, language = FieldOfStudyFactory(slug="arts"), LanguageFactory(slug="chinese")
        ProgrammeFactory(
            slug="match",
            host_universities=[uni, other_uni],
            fields_of_study=[field, FieldOfStudyFactory()],
            languages=[language, LanguageFactory()],
        )
        ProgrammeFactory(slug="nomatch", host_universities=[other_uni])
        assert result(ProgrammeFilter, university="msu") == ["match"]
        assert result(ProgrammeFilter, field="arts") == ["match"]
        assert result(ProgrammeFilter, language="chinese") == ["match"]
        data = {"university": "msu", "field": "arts", "language": "chinese"}
        assert ProgrammeFilter(data).qs.count() == 1

    @pytest.mark.parametrize(
        ("name", "value", "other"),
        [
            ("level", Programme.Level.BACHELOR, Programme.Level.MASTER),
            ("format", Format.ONLINE, Format.IN_PERSON),
            ("funding", Programme.Funding.FULL, Programme.Funding.SELF),
            ("sector", Sector.PEOPLE, Sector.GOVERNMENT),
        ],
    )
    def test_simple_choices(self, name, value, other):
        ProgrammeFactory(slug="yes", **{name: value})
        ProgrammeFactory(slug="no", **{name: other})
        assert result(ProgrammeFilter, **{name: value}) == ["yes"]

    def test_open_for_applications_includes_today_and_rolling(self):
        ProgrammeFactory(slug="today", application_deadline=TODAY)
        ProgrammeFactory(slug="rolling", application_deadline=None)
        ProgrammeFactory(slug="later", application_deadline=TODAY + datetime.timedelta(days=9))
        ProgrammeFactory(
            slug="closed",
            application_deadline=TODAY - datetime.timedelta(days=1),
            start_date=None,
            end_date=None,
        )
        assert result(ProgrammeFilter, open="on") == ["later", "rolling", "today"]
        assert len(result(ProgrammeFilter, open="")) == 4

    def test_deadline_before_and_starting_between(self):
        def day(n):
            return TODAY + datetime.timedelta(days=n)

        ProgrammeFactory(slug="early", application_deadline=day(90), start_date=day(180))
        ProgrammeFactory(slug="late", application_deadline=day(240), start_date=day(270))
        ProgrammeFactory(slug="rolling", application_deadline=None, start_date=None)
        assert result(ProgrammeFilter, deadline_before=str(day(90))) == ["early"]
        assert result(ProgrammeFilter, starts_after=str(day(210))) == ["late"]
        assert result(ProgrammeFilter, starts_before=str(day(210))) == ["early"]
        both = {"starts_after": str(day(180)), "starts_before": str(day(270))}
        assert result(ProgrammeFilter, **both) == ["early", "late"]

    def test_sort(self):
        ProgrammeFactory(
            slug="b",
            title="B",
            application_deadline=TODAY + datetime.timedelta(days=40),
            start_date=None,
        )
        ProgrammeFactory(slug="a", title="A", application_deadline=None, start_date=None)
        ProgrammeFactory(
            slug="c", title="C", application_deadline=TODAY + datetime.timedelta(days=10)
        )

        def order(sort):
            return [p.slug for p in ProgrammeFilter({"sort": sort}).qs]

        assert order("deadline") == ["c", "b", "a"]
        assert order("start") == ["c", "a", "b"]
        assert order("title") == ["a", "b", "c"]
        assert order("newest") == ["c", "a", "b"]

    @pytest.mark.parametrize(
        "data",
        [
            {"kind": "nonsense"},
            {"country": "atlantis"},
            {"university": "nowhere"},
            {"deadline_before": "2027-02-30"},
            {"starts_after": "yesterday"},
            {"sort": "price"},
            {"q": "x\x00y"},
            {"q": "x" * 1000},
        ],
    )
    def test_bad_input_is_a_form_error_and_an_empty_result(self, data):
        ProgrammeFactory()
        filterset = ProgrammeFilter(data)
        assert not filterset.is_valid()
        assert list(filterset.qs) == []
        assert filterset.facets == []

    def test_facets_count_each_choice_with_the_other_filters_applied(self):
        kz, cn = CountryFactory(slug="kz", name="Kazakhstan"), CountryFactory(slug="cn")
        ProgrammeFactory(kind="scholarship", host_country=kz, partner_countries=[cn, kz])
        ProgrammeFactory(kind="scholarship", host_country=cn, level="bachelor")
        ProgrammeFactory(kind="training", host_country=cn, partner_countries=[kz])
        ProgrammeFactory(kind="training", host_country=cn, status=Publishable.Status.DRAFT)

        facets = {f.name: f for f in ProgrammeFilter({"kind": "scholarship"}).facets}
        kinds = {c.value: c.count for c in facets["kind"].choices}
        assert kinds["scholarship"] == 2 and kinds["training"] == 1 and kinds["youth_camp"] == 0
        assert [c.value for c in facets["kind"].choices if c.selected] == ["scholarship"]
        # The country facet counts within the selected kind, each programme once per country.
        countries = {c.value: c.count for c in facets["country"].choices}
        assert countries == {"kz": 1, "cn": 2}

        facets = {f.name: f for f in ProgrammeFilter({"level": "master"}).facets}
        assert {c.value: c.count for c in facets["country"].choices} == {"kz": 2, "cn": 2}

    def test_kept_facet_counts_follow_the_content_and_the_filters(self):
        def scholarships(data=None):
            facet = next(f for f in ProgrammeFilter(data).facets if f.name == "kind")
            return next(c.count for c in facet.choices if c.value == "scholarship")

        first = ProgrammeFactory(kind="scholarship", level="master")
        assert scholarships() == 1
        ProgrammeFactory(kind="scholarship", level="bachelor")
        assert scholarships() == 2
        assert scholarships({"level": "bachelor"}) == 1
        first.status = Publishable.Status.DRAFT
        first.save()
        assert scholarships() == 1 and scholarships({"level": "master"}) == 0

    def test_facet_counts_go_into_the_form_options(self):
        ProgrammeFactory(kind="scholarship", host_country=CountryFactory(name="Kazakhstan"))
        filterset = ProgrammeFilter()
        assert filterset.facets
        options = dict(filterset.form.fields["kind"].choices)
        assert options["scholarship"] == "Scholarship (1)"
        assert "Kazakhstan (1)" in dict(filterset.form.fields["country"].choices).values()

    def test_facet_queries_are_one_grouped_query_each(self, django_assert_num_queries):
        for _ in range(5):
            ProgrammeFactory(host_country=CountryFactory(), partner_countries=[CountryFactory()])
        filterset = ProgrammeFilter({"q": "programme"})
        filterset.is_valid()
        # kind: one grouped query; country: hosts, then partners that are not the host (when
        # the content generation ends was read by the form's choices, kept for it too).
        with django_assert_num_queries(3):
            filterset.facets  # noqa: B018
        # Kept for the generation: the same filters count nothing again.
        again = ProgrammeFilter({"q": "programme"})
        again.is_valid()
        with django_assert_num_queries(0):
            assert again.facets == filterset.facets


def test_each_filterset_filters_with_its_own_copies():
    """Filters are copied cheaply for each FilterSet (scoculture.filters.CopiedCheaply): each
    runs its methods and makes its form fields for itself, never for another."""
    ProgrammeFactory(slug="in-kz", host_country=CountryFactory(slug="kz"))
    ProgrammeFactory(slug="in-cn", host_country=CountryFactory(slug="cn"))
    kz, cn = ProgrammeFilter({"country": "kz"}), ProgrammeFilter({"country": "cn"})
    assert slugs(kz) == ["in-kz"] and slugs(cn) == ["in-cn"]
    assert kz.form.fields["country"] is not cn.form.fields["country"]
    # The form's fields are those its FilterSet's filters made for it, not copies again.
    assert kz.form.fields["country"] is kz.filters["country"].field
    kz.filters["country"].extra["choices"] = [("kz", "Kazakhstan")]
    assert cn.filters["country"].extra["choices"] != [("kz", "Kazakhstan")]
    assert "choices" not in ProgrammeFilter.base_filters["country"].extra
    assert not hasattr(ProgrammeFilter.base_filters["country"], "_field")


def test_list_search_matches_plurals_as_the_site_search_does(client):
    programme = ProgrammeFactory(title="Silk Road youth camp")
    response = client.get(reverse("programmes:programme_list"), {"q": "Silk Roads"})
    assert list(response.context["object_list"]) == [programme]
