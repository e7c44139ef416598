"""manage.py import_whc: UNESCO's list export in, sites matched on their reference number."""

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from heritage.models import HeritageSite
from heritage.tests.factories import HeritageSiteFactory
from heritage.whc import parse_export, parse_names
from scoculture.models import Country
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "data"
SMALL = FIXTURES / "whc-small.csv"
NAMES = FIXTURES / "whc-names.csv"
DATA = Path(settings.BASE_DIR) / "heritage" / "data"
MEMBERS = ["CN", "RU", "KZ", "KG", "TJ", "UZ", "IN", "PK", "IR", "BY"]
OBSERVERS = ["AF", "MN"]


@pytest.fixture
def sco():
    """The SCO's members and observers, and a dialogue partner whose sites are not imported."""
    for code in MEMBERS:
        CountryFactory(code=code, sco_status=Country.SCOStatus.MEMBER)
    for code in OBSERVERS:
        CountryFactory(code=code, sco_status=Country.SCOStatus.OBSERVER)
    CountryFactory(code="TR", sco_status=Country.SCOStatus.DIALOGUE_PARTNER)


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_whc", *map(str, args), stdout=out, stderr=err)
    return out.getvalue()


def codes(site):
    return sorted(site.countries.values_list("code", flat=True))


def snapshot():
    return sorted(
        HeritageSite.objects.values_list(
            "unesco_reference", "name_en", "criteria", "in_danger", "status"
        )
    )


def test_import_creates_draft_sites_with_their_countries_and_names(sco):
    output = run(SMALL, "--names", NAMES)
    assert "added 5, updated 0, unchanged 0, skipped 2 (states outside the SCO)." in output
    samarkand = HeritageSite.objects.get(unesco_reference="603rev")
    assert samarkand.name_en == "Samarkand – Crossroad of Cultures"  # doubled space gone
    assert samarkand.name_ru == "Самарканд — перекрёсток культур"
    assert samarkand.name_zh_hans == "撒马尔罕——文化交汇之地"
    assert samarkand.status == HeritageSite.Status.DRAFT
    assert (samarkand.category, samarkand.criteria, samarkand.year_inscribed) == (
        "cultural",
        "(i)(ii)(iv)",
        2001,
    )
    assert samarkand.latitude == Decimal("39.668610")
    assert "whc.unesco.org/en/list/603" in samarkand.source
    assert codes(HeritageSite.objects.get(unesco_reference="1442")) == ["CN", "KG", "KZ"]
    assert HeritageSite.objects.get(unesco_reference="1113").name_en == "Fujian Tulou"
    bamiyan = HeritageSite.objects.get(unesco_reference="208rev")
    assert bamiyan.in_danger and codes(bamiyan) == ["AF"]  # an observer's site
    # The export's 0,0 is "no point", not the Gulf of Guinea.
    assert HeritageSite.objects.get(unesco_reference="1490").latitude is None
    # Japan is no Country, Türkiye a dialogue partner: neither's sites come in.
    assert not HeritageSite.objects.filter(unesco_reference__in=["660", "357"]).exists()


def test_publish_option_publishes_the_new_sites(sco):
    run(SMALL, "--publish")
    assert HeritageSite.objects.published().count() == 5


def test_a_second_import_of_the_same_file_changes_nothing(sco):
    run(SMALL, "--names", NAMES)
    output = run(SMALL, "--names", NAMES)
    assert "added 0, updated 0, unchanged 5, skipped 2" in output


def test_reimport_updates_unesco_facts_and_keeps_the_editors_text(sco, tmp_path):
    run(SMALL, "--names", NAMES)
    site = HeritageSite.objects.get(unesco_reference="603rev")
    site.name_en = "Samarkand"
    site.name_ru = "Самарканд"
    site.summary_en = "The editor's summary."
    site.region_ru = "Самарканд"
    site.status = HeritageSite.Status.PUBLISHED
    site.save()
    # The next list: Samarkand on the List in Danger, with a new criterion.
    changed = SMALL.read_text().replace(
        "2001,0,,67,39.66861,(i)(ii)(iv)", "2001,1,,67,39.66861,(i)(ii)(iv)(vi)"
    )
    export = tmp_path / "whc-next.csv"
    export.write_text(changed)
    output = run(export, "--names", NAMES)
    assert "~ 603rev Samarkand: criteria, in_danger" in output
    assert "added 0, updated 1 (criteria 1, in_danger 1), unchanged 4, skipped 2" in output
    site.refresh_from_db()
    assert (site.criteria, site.in_danger) == ("(i)(ii)(iv)(vi)", True)
    assert (site.name_en, site.name_ru, site.summary_en, site.region_ru) == (
        "Samarkand",
        "Самарканд",
        "The editor's summary.",
        "Самарканд",
    )
    assert site.status == HeritageSite.Status.PUBLISHED


def test_an_existing_site_is_matched_on_its_reference_number_whatever_its_suffix(sco):
    uz = Country.objects.get(code="UZ")
    site = HeritageSiteFactory(
        slug="samarkand",
        name="Samarkand",
        unesco_reference="603",
        criteria="(i)(ii)",
        year_inscribed=2001,
        latitude=None,
        longitude=None,
        countries=[uz],
    )
    output = run(SMALL, "--names", NAMES)
    expected = (
        "~ 603rev Samarkand: unesco_reference, criteria, latitude, longitude, source, name_ru"
    )
    assert expected in output
    site.refresh_from_db()
    assert (site.slug, site.name_en, site.unesco_reference) == ("samarkand", "Samarkand", "603rev")
    assert site.name_zh_hans == "撒马尔罕——文化交汇之地"  # was empty: filled
    assert HeritageSite.objects.filter(unesco_reference__startswith="603").count() == 1


def test_a_row_without_a_point_keeps_the_sites_own(sco):
    site = HeritageSiteFactory(
        unesco_reference="1490", category="natural", criteria="(x)", year_inscribed=2016,
        latitude=Decimal("42.1"), longitude=Decimal("70.5"),
        countries=list(Country.objects.filter(code__in=["KZ", "KG", "UZ"])),
    )  # fmt: skip
    run(SMALL)
    site.refresh_from_db()
    assert (site.latitude, site.longitude) == (Decimal("42.1"), Decimal("70.5"))


def test_the_countries_follow_the_list(sco):
    site = HeritageSiteFactory(unesco_reference="1442", countries=[Country.objects.get(code="CN")])
    output = run(SMALL)
    assert "countries" in output.split("~ 1442 ")[1].splitlines()[0]
    assert codes(site) == ["CN", "KG", "KZ"]


def test_dry_run_reports_and_writes_nothing(sco):
    output = run(SMALL, "--dry-run")
    assert "Dry run, nothing written: would have added 5" in output
    assert not HeritageSite.objects.exists()


def replace_cell(line, column, value):
    """SMALL with one cell of one line changed (line 1 is the header)."""
    import csv

    rows = list(csv.reader(SMALL.read_text().splitlines()))
    rows[line - 1][rows[0].index(column)] = value
    return "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows) + "\n"


MALFORMED = {
    "missing column": (
        lambda: SMALL.read_text().replace("criteria_txt", "criteria"),
        "line 1: missing column criteria_txt",
    ),
    "bad number": (lambda: replace_cell(3, "id_no", "14a2"), "line 3: id_no '14a2'"),
    "bad year": (lambda: replace_cell(4, "date_inscribed", "2106"), "line 4: date_inscribed"),
    "year before the List": (
        lambda: replace_cell(2, "date_inscribed", "1901"),
        "line 2: date_inscribed",
    ),
    "bad coordinates": (lambda: replace_cell(5, "latitude", "95.2"), "line 5: latitude '95.2'"),
    "coordinates not a number": (
        lambda: replace_cell(5, "longitude", "117,68"),
        "line 5: longitude '117,68' is not a number",
    ),
    "half a point": (lambda: replace_cell(6, "longitude", ""), "line 6: give both"),
    "unknown category": (
        lambda: replace_cell(7, "category", "Intangible"),
        "line 7: unknown category 'Intangible'",
    ),
    "bad criteria": (lambda: replace_cell(6, "criteria_txt", "ii, iv"), "line 6: criteria_txt"),
    "bad danger flag": (lambda: replace_cell(3, "danger", "yes"), "line 3: danger 'yes'"),
    "bad suffix": (lambda: replace_cell(2, "rev_bis", "Quater"), "line 2: rev_bis 'Quater'"),
    "bad state codes": (lambda: replace_cell(4, "iso_code", "cn;kz"), "line 4: iso_code"),
    "repeated id_no": (lambda: replace_cell(6, "id_no", "603"), "line 6: id_no 603 repeats line 2"),
    "missing cells": (lambda: SMALL.read_text().replace(",Japan,jp,0", ""), "line 7: 13 cells"),
    # Found while writing, after the earlier rows are in: they are rolled back too.
    "criteria against category": (
        lambda: replace_cell(6, "criteria_txt", "(vii)"),
        "line 6: category: Criteria (vii) make a natural site, not cultural.",
    ),
}


@pytest.mark.parametrize("fault", MALFORMED)
def test_a_malformed_file_is_rejected_with_its_line_and_nothing_written(sco, tmp_path, fault):
    HeritageSiteFactory(unesco_reference="1442", criteria="(ii)", name="Silk Roads")
    before = snapshot()
    text, message = MALFORMED[fault]
    export = tmp_path / "whc.csv"
    export.write_text(text())
    with pytest.raises(CommandError) as error:
        run(export)
    assert message in str(error.value)
    assert "nothing written" in str(error.value)
    assert snapshot() == before


def test_a_file_that_is_not_utf8_names_its_line(sco, tmp_path):
    export = tmp_path / "whc.csv"
    latin1 = SMALL.read_text().replace("Göreme", "G\udcf6reme").encode("utf-8", "surrogateescape")
    export.write_bytes(latin1)
    with pytest.raises(CommandError, match="line 8: not UTF-8"):
        run(export)


def test_a_malformed_names_file_is_rejected(sco, tmp_path):
    names = tmp_path / "names.csv"
    names.write_text("id_no,name_ru,name_zh_hans\n603,Самарканд,\n603,Самарканд,\n")
    with pytest.raises(CommandError, match="line 3: id_no 603 appears twice"):
        run(SMALL, "--names", names)
    assert not HeritageSite.objects.exists()


def test_a_reference_held_by_a_tentative_site_is_not_taken_over(sco):
    HeritageSiteFactory(unesco_reference="1113", unesco_status="tentative", year_inscribed=None)
    with pytest.raises(CommandError, match="line 5: reference 1113 belongs to"):
        run(SMALL)
    assert HeritageSite.objects.count() == 1


def test_without_sco_countries_the_import_says_what_to_load_first(tmp_path):
    with pytest.raises(CommandError, match="no SCO member or observer country"):
        run(SMALL)


def test_a_missing_file_is_a_clear_error(sco, tmp_path):
    with pytest.raises(CommandError, match="cannot read .*nowhere.csv"):
        run(tmp_path / "nowhere.csv")


def test_the_full_data_file_imports_every_property(sco):
    """Fast enough for every run: ~190 rows, about a second on SQLite."""
    output = run(DATA / "whc-sco.csv", "--names", DATA / "whc-names.csv", "--publish")
    assert "updated 0, unchanged 0, skipped 0" in output
    sites = HeritageSite.objects.all()
    assert sites.count() >= 150
    assert not sites.filter(countries=None).exists()
    assert not sites.filter(name_ru="").exists()
    assert sites.filter(name_zh_hans="").count() <= 2
    # Transboundary properties are one record linked to each SCO state.
    assert codes(sites.get(unesco_reference="1187")) == ["BY", "RU"]  # Struve Geodetic Arc
    again = run(DATA / "whc-sco.csv", "--names", DATA / "whc-names.csv")
    assert "added 0, updated 0, unchanged" in again


def test_every_site_of_the_data_file_has_its_russian_and_chinese_names():
    rows = parse_export(DATA / "whc-sco.csv")
    names = parse_names(DATA / "whc-names.csv")
    assert {row.id_no for row in rows} == set(names)
    assert all(names[row.id_no].get("name_ru") for row in rows)
    with_chinese = sum(1 for row in rows if names[row.id_no].get("name_zh_hans"))
    assert with_chinese / len(rows) >= 0.99  # one left empty where no sure name was found
    assert all("?" not in row.name for row in rows)  # the 2019 export's lost letters restored
