"""The shared CSV writer, the exporter machinery and the admin's CSV exports."""

import datetime
import unicodedata
from decimal import Decimal

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from exports.exporters import (
    FORMULA_PREFIXES,
    TRAILER,
    Exporter,
    exporter_for_model,
    exporters,
    format_cell,
    iter_csv,
)
from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.exports import ProgrammeExporter
from programmes.models import Programme
from programmes.tests.factories import FieldOfStudyFactory, LanguageFactory, ProgrammeFactory
from scoculture.models import Country, Publishable
from scoculture.tests.csvfiles import read_export
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import PriorityAreaFactory, UniversityFactory


class CellsExporter(Exporter):
    identifier = "cells"

    def __init__(self, rows, header=("value",)):
        super().__init__()
        self.rows = rows
        self._header = list(header)

    def header(self):
        return self._header

    def iter_data(self):
        yield from self.rows


def export(exporter):
    return read_export(b"".join(iter_csv(exporter)))


# --- cells and the writer ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx", "\nx", "\0x"])
def test_formula_text_is_prefixed(text):
    assert format_cell(text) == "'" + text


@pytest.mark.parametrize("number", [-3, 0, 2.5, -2.5, Decimal("-41.123456")])
def test_numbers_stay_numbers(number):
    assert format_cell(number) == number


def test_dates_lists_and_empty_values():
    assert format_cell(datetime.date(2026, 11, 24)) == "2026-11-24"
    moment = datetime.datetime(2026, 11, 24, 9, 30, tzinfo=datetime.UTC)
    assert format_cell(moment) == "2026-11-24T09:30:00+00:00"
    assert format_cell(["China", "Russia"]) == "China; Russia"
    assert format_cell(["-x", "y"]) == "'-x; y"
    assert format_cell(None) == ""


def test_bom_header_crlf_and_quoting():
    data = b"".join(
        iter_csv(CellsExporter([["a,b", 'say "hi"'], ["line\nbreak", 3]], header=["x", "y"]))
    )
    assert data.startswith("\ufeffx,y\r\n".encode())
    assert data.endswith(b'"line\nbreak",3\r\n# end of export,2\r\n')
    assert b'"a,b","say ""hi"""\r\n' in data


def test_header_arrives_in_the_first_piece():
    pieces = iter_csv(CellsExporter([["x"]] * 100_000))
    assert next(pieces) == "\ufeffvalue\r\n".encode()


def test_pieces_keep_near_the_buffer_size():
    # Rows are written in batches, as many as fill a piece: small buffers, small batches.
    pieces = list(iter_csv(CellsExporter([["x" * 200]] * 100), buffer_size=1024))
    assert len(pieces) > 10
    assert max(len(piece) for piece in pieces) < 3 * 1024


def test_trailer_closes_the_file_and_counts_the_data_rows():
    assert b"".join(iter_csv(CellsExporter([[1], [2], [3]]))).endswith(
        b"\r\n3\r\n# end of export,3\r\n"
    )
    assert b"".join(iter_csv(CellsExporter([]))) == "\ufeffvalue\r\n# end of export,0\r\n".encode()
    # Many pieces: the trailer comes once, last, with the whole count.
    assert len(export(CellsExporter([["x"]] * 100_000))) == 100_001


class FailingExporter(CellsExporter):
    """Writes `rows`, then fails, as a lost database connection would."""

    def iter_data(self):
        yield from self.rows
        raise ConnectionError("server closed the connection")


def test_an_interrupted_export_never_ends_with_the_trailer():
    pieces = []
    with pytest.raises(ConnectionError):
        for piece in iter_csv(FailingExporter([["row"]] * 50_000)):
            pieces.append(piece)
    data = b"".join(pieces)
    assert data.count(b"row\r\n") > 10_000  # a good part was sent...
    assert TRAILER.encode() not in data  # ...and it does not look complete


def test_a_batch_is_written_as_its_cells_one_by_one():
    """The writer formats whole columns at once where it can: same cells as format_cell()."""
    moment = datetime.datetime(2026, 11, 24, 9, 30, 15, 999, tzinfo=datetime.UTC)
    day = datetime.date(2026, 11, 24)
    rows = [
        ["Almaty", 3, day, moment, None, "=1", True, ["b", "a"], 2.5, "", "Алматы"],
        ["Xi'an", None, day, moment, day, "x", False, [], Decimal("-1.5"), None, " +1"],
    ]
    with timezone.override("Asia/Shanghai"):
        expected = [[format_cell(cell) for cell in row] for row in rows]
        written = export(CellsExporter(rows * 300, header=["h"] * 11))[1:]
    assert written == [["" if cell == "" else str(cell) for cell in row] for row in expected] * 300
    assert written[0][3] == "2026-11-24T17:30:15+08:00"
    # Rows of unequal lengths are written row by row.
    ragged = export(CellsExporter([["=a"], ["b", "@c"], []]))
    assert ragged == [["value"], ["'=a"], ["b", "'@c"], []]


text_without_surrogates = st.text(st.characters(blacklist_categories=("Cs",)))


# What a spreadsheet may skip before a formula: spaces, separators, controls, invisible format
# characters (zero-width space, BOM, joiners, bidi marks).
INVISIBLE = ("Zs", "Zl", "Zp", "Cc", "Cf")
TRIGGERS = "=+-@"


def reads_as_formula(text):
    """The test's own oracle: skip what a spreadsheet may skip, fold look-alikes (NFKC)."""
    visible = text
    while visible and unicodedata.category(visible[0]) in INVISIBLE:
        visible = visible[1:]
    return bool(visible) and unicodedata.normalize("NFKC", visible[0])[:1] in TRIGGERS


@given(st.lists(text_without_surrogates, min_size=1, max_size=5))
def test_any_text_is_neutralised_or_round_trips(values):
    [header, row] = export(CellsExporter([values], header=["c"] * len(values)))
    assert header == ["c"] * len(values)
    for original, cell in zip(values, row, strict=True):
        if original and (original[0] in FORMULA_PREFIXES or reads_as_formula(original)):
            assert cell == "'" + original
        else:
            assert cell == original


@pytest.mark.parametrize(
    "text",
    [
        "\uff1d1+1",
        "\uff0b31",
        "\uff0d2",
        "\uff20SUM(A1)",
        " =1+1",
        "   +1",
        "\xa0=1",
        "\u200b=1",
        "\ufeff=1",
        "\u3000\u200d@x",
        "\u2060\xa0\ufe66x",
        "\u207c1",
    ],
)
def test_look_alike_formulas_are_prefixed(text):
    assert format_cell(text) == "'" + text
    assert format_cell([text, "y"]) == "'" + text + "; y"


@given(
    st.text(st.characters(categories=INVISIBLE), max_size=6),
    st.sampled_from(TRIGGERS + "\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u207c\u207a"),
    text_without_surrogates,
)
def test_formula_after_any_invisible_prefix_is_neutralised(prefix, trigger, rest):
    text = prefix + trigger + rest
    assert format_cell(text) == "'" + text
    [_, [cell]] = export(CellsExporter([[text]]))
    assert cell == "'" + text


@given(
    st.text(st.characters(categories=("Zs",)), max_size=3),
    st.characters(categories=("L", "N")),
    text_without_surrogates,
)
def test_ordinary_text_is_unchanged(spaces, first, rest):
    # Letters and digits, even after spaces, start no formula: "5 years", " Almaty".
    text = spaces + first + rest
    assert format_cell(text) == text


# --- list exporters ------------------------------------------------------------------------


@pytest.mark.django_db
def test_programme_row_with_relations_labels_and_dates():
    host = CountryFactory(name="China", code="CN")
    programme = ProgrammeFactory(
        title="=HYPERLINK()",
        host_country=host,
        partner_countries=[CountryFactory(name="Russia"), CountryFactory(name="Kazakhstan")],
        languages=[LanguageFactory(name="Chinese", code="zh")],
        places=-1 + 31,
    )
    header, row = export(ProgrammeExporter())
    record = dict(zip(header, row, strict=True))
    assert record["Title"] == "'=HYPERLINK()"
    assert record["Kind"] == "Student exchange"
    assert record["Host country"] == "China"
    assert record["Partner countries"] == "Kazakhstan; Russia"
    assert record["Languages of instruction"] == "Chinese"
    assert record["Start date"] == programme.start_date.isoformat()
    assert record["Places offered"] == "30"
    assert record["Slug"] == programme.slug


@pytest.mark.django_db
def test_translated_columns_follow_the_language_and_fall_back_to_english():
    host = CountryFactory(name_en="China", name_ru="Китай")
    ProgrammeFactory(title_en="Summer school", title_ru="Летняя школа", host_country=host)
    ProgrammeFactory(title_en="Only English", title_ru="", host_country=host)
    with translation.override("ru"):
        exporter = ProgrammeExporter()
    rows = export(exporter)
    titles = {row[0] for row in rows[1:]}
    assert titles == {"Летняя школа", "Only English"}
    assert {row[2] for row in rows[1:]} == {"Китай"}


@pytest.mark.django_db
def test_drafts_are_not_exported_unless_asked_for():
    ProgrammeFactory(title="Public")
    ProgrammeFactory(title="Draft", status=Publishable.Status.DRAFT, published_at=None)
    assert [r[0] for r in export(ProgrammeExporter())[1:]] == ["Public"]
    draft = ProgrammeExporter(queryset=ProgrammeExporter.base_queryset("draft"))
    assert [r[0] for r in export(draft)[1:]] == ["Draft"]
    everything = ProgrammeExporter(queryset=ProgrammeExporter.base_queryset("all"))
    assert sorted(r[0] for r in export(everything)[1:]) == ["Draft", "Public"]


def _programmes(n):
    countries = [CountryFactory() for _ in range(3)]
    university = UniversityFactory()
    for _ in range(n):
        ProgrammeFactory(
            host_country=countries[0],
            partner_countries=countries[1:],
            host_universities=[university],
            languages=[LanguageFactory(code="zh")],
            heritage_sites=[HeritageSiteFactory(countries=[countries[0]])],
        )


@pytest.mark.django_db
@pytest.mark.parametrize("n", [10, 200])
def test_query_count_does_not_grow_with_rows(django_assert_num_queries, n):
    _programmes(n)
    exporter = ProgrammeExporter()
    # One cursor for the rows, one query per many-to-many column (5) for the single chunk.
    with django_assert_num_queries(6):
        rows = export(exporter)
    assert len(rows) == n + 1


@pytest.mark.django_db
def test_chunks_cost_the_same_queries_each(django_assert_num_queries):
    _programmes(25)
    exporter = ProgrammeExporter()
    exporter.chunk_size = 10
    with django_assert_num_queries(1 + 3 * 5):
        rows = export(exporter)
    assert len(rows) == 26
    assert len({row[-1] for row in rows[1:]}) == 25


def _record(exporter):
    header, row = export(exporter)
    return dict(zip(header, row, strict=True))


@pytest.mark.django_db
def test_dates_and_times_are_written_as_before_whatever_the_time_zone():
    moment = timezone.now().replace(microsecond=123456) - datetime.timedelta(hours=3)
    programme = ProgrammeFactory(published_at=moment, application_deadline=None)
    for zone in ("UTC", "Asia/Shanghai", "America/Sao_Paulo"):
        with timezone.override(zone):
            record = _record(ProgrammeExporter())
            assert record["Published at"] == format_cell(moment)  # seconds, local offset
            assert record["Published at"].startswith(timezone.localtime(moment).isoformat()[:19])
        assert record["Start date"] == programme.start_date.isoformat()
        assert record["Application deadline"] == ""
    assert format_cell(moment).endswith("+00:00")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite stores dates as text")
@pytest.mark.django_db
def test_sqlite_dates_reach_the_export_as_their_stored_text():
    # No parsing into date objects to format them back: the rows already hold the CSV text.
    moment = timezone.now().replace(microsecond=5) - datetime.timedelta(days=2)
    programme = ProgrammeFactory(published_at=moment)
    for zone in ("UTC", "Asia/Almaty"):
        with timezone.override(zone):
            exporter = ProgrammeExporter()
            [row] = exporter.iter_data()
            record = dict(zip(exporter.header(), row, strict=True))
            assert record["Start date"] == programme.start_date.isoformat()
            assert record["Published at"] == format_cell(moment)


@pytest.mark.django_db
def test_a_utc_export_gets_its_datetimes_from_the_database_as_text():
    # Not through Django's time zone loader (PostgreSQL) or a parse (SQLite), once a row.
    moment = timezone.now().replace(microsecond=999999) - datetime.timedelta(days=3)
    ProgrammeFactory(published_at=moment)
    with timezone.override("UTC"):
        exporter = ProgrammeExporter()
        [row] = exporter.iter_data()
    record = dict(zip(exporter.header(), row, strict=True))
    assert record["Published at"] == format_cell(moment)


@pytest.mark.django_db
def test_choice_labels_follow_the_exporter_language():
    ProgrammeFactory(kind=Programme.Kind.STUDENT_EXCHANGE, funding="")
    with translation.override("ru"):
        exporter = ProgrammeExporter()
    [_, row] = export(exporter)
    assert row[1] == "Студенческий обмен"  # Kind
    assert row[15] == ""  # Funding: a blank choice stays blank


def _executed(exporter):
    """(sql, params) of each query the export runs, as the database receives them."""
    executed = []

    def record(execute, sql, params, many, context):
        executed.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        rows = export(exporter)
    return rows, executed


@pytest.mark.django_db
def test_a_chunk_s_keys_travel_as_one_parameter_of_the_same_query():
    _programmes(25)
    exporter = ProgrammeExporter()
    exporter.chunk_size = 10
    rows, executed = _executed(exporter)
    assert len(rows) == 26
    many = executed[1:]  # after the rows' cursor: 5 many-to-many queries a chunk, 3 chunks
    assert len(many) == 15
    assert len({sql for sql, _ in many}) == 5  # the last, shorter chunk included
    assert all(len(params) < 10 for _, params in many)  # not one placeholder per key


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner, without statistics")
@pytest.mark.django_db
def test_sqlite_starts_many_to_many_queries_from_the_chunk_s_rows():
    _programmes(12)  # from about ten keys on, SQLite would start from the countries
    rows, executed = _executed(ProgrammeExporter())
    partners = next(q for q in executed if "partner_countries" in q[0].split("FROM")[1])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + partners[0], partners[1])
        plan = [detail for *_, detail in cursor.fetchall()]
    # The through table first, by its programme index; not each published country first.
    assert plan[0].startswith("SEARCH programmes_programme_partner_countries"), plan


def test_every_content_model_has_an_exporter():
    from festivals.models import Festival
    from heritage.models import HeritageSite
    from universities.models import University

    for model in (Country, HeritageSite, Programme, Festival, University):
        assert exporter_for_model(model) is not None
    assert {"programmes", "festivals", "universities", "heritage-sites"} <= set(exporters())


def test_filename_says_what_and_when():
    assert ProgrammeExporter.__new__(ProgrammeExporter).get_filename(
        datetime.date(2026, 11, 24)
    ) == ("programmes-2026-11-24.csv")


# --- the admin ---------------------------------------------------------------------------


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


def _changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _admin_export(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_export")


def _body(response):
    assert isinstance(response, StreamingHttpResponse)
    return read_export(b"".join(response.streaming_content))


@pytest.mark.django_db
def test_admin_changelist_export_honours_filters_and_search(reporter_client):
    FestivalFactory(title="Silk Road film week", kind="film_festival")
    FestivalFactory(title="Silk Road marathon", kind="sport")
    FestivalFactory(title="Film of the steppe", kind="film_festival")
    FestivalFactory(title="Silk Road draft", kind="film_festival", status="draft")
    url = _admin_export(FestivalFactory._meta.model)
    response = reporter_client.get(url + "?kind__exact=film_festival&q=silk")
    assert response.status_code == 200
    titles = sorted(row[0] for row in _body(response)[1:])
    assert titles == ["Silk Road draft", "Silk Road film week"]
    response = reporter_client.get(url + "?kind__exact=film_festival&q=silk&status__exact=draft")
    assert [row[0] for row in _body(response)[1:]] == ["Silk Road draft"]


@pytest.mark.django_db
def test_admin_changelist_export_rejects_unknown_parameters(reporter_client):
    url = _admin_export(FestivalFactory._meta.model)
    assert reporter_client.get(url + "?nonsense__in=1").status_code in (302, 400)


@pytest.mark.django_db
def test_admin_export_selected_action(reporter_client):
    chosen = [ProgrammeFactory(title="One"), ProgrammeFactory(title="Two")]
    ProgrammeFactory(title="Three")
    response = reporter_client.post(
        _changelist(Programme),
        {"action": "export_selected_csv", "_selected_action": [p.pk for p in chosen]},
    )
    assert response["Content-Disposition"].startswith('attachment; filename="programmes-')
    assert sorted(row[0] for row in _body(response)[1:]) == ["One", "Two"]


@pytest.mark.django_db
def test_admin_shows_the_exports_only_to_those_who_may_export(client, reporter, editor, admin_user):
    ProgrammeFactory()
    for user, allowed in ((reporter, True), (admin_user, True), (editor, False)):
        client.force_login(user)
        page = client.get(_changelist(Programme)).content.decode()
        assert ("export_selected_csv" in page) is allowed
        assert (_admin_export(Programme) in page) is allowed
        status = client.get(_admin_export(Programme)).status_code
        assert status == (200 if allowed else 403)
        response = client.post(
            _changelist(Programme),
            {
                "action": "export_selected_csv",
                "_selected_action": [Programme.objects.get().pk],
            },
        )
        assert isinstance(response, StreamingHttpResponse) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        CountryFactory,
        HeritageSiteFactory,
        UniversityFactory,
        ProgrammeFactory,
        FestivalFactory,
        LanguageFactory,
        PriorityAreaFactory,
        FieldOfStudyFactory,
    ],
)
def test_every_content_admin_exports(admin_client, make):
    obj = make()
    model = type(obj)
    page = admin_client.get(_changelist(model)).content.decode()
    assert "export_selected_csv" in page and _admin_export(model) in page
    response = admin_client.post(
        _changelist(model), {"action": "export_selected_csv", "_selected_action": [obj.pk]}
    )
    header, row = _body(response)
    assert len(header) == len(row) and str(obj) in row
    header, *rows = _body(admin_client.get(_admin_export(model)))
    assert str(obj) in [row[0] for row in rows]
