"""python manage.py export_csv: the same files as the web exports, for cron and big exports."""

import io

import pytest
from django.core.management import CommandError, call_command

from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Publishable
from scoculture.tests.csvfiles import read_export
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db


def read(path):
    return read_export(path.read_text(encoding="utf-8"))


def test_filtered_export_to_a_file_quietly(tmp_path):
    china = CountryFactory(slug="china")
    ProgrammeFactory(title="In China", host_country=china)
    ProgrammeFactory(title="Elsewhere")
    ProgrammeFactory(title="Draft", host_country=china, status=Publishable.Status.DRAFT)
    out, err = io.StringIO(), io.StringIO()
    path = tmp_path / "programmes.csv"
    call_command(
        "export_csv",
        "programmes",
        "--filter",
        "country=china",
        "-o",
        str(path),
        stdout=out,
        stderr=err,
    )
    assert [row[0] for row in read(path)] == ["Title", "In China"]
    assert err.getvalue() == ""  # not a terminal: no progress bar
    call_command(
        "export_csv",
        "programmes",
        "--filter",
        "country=china",
        "--status",
        "all",
        "-o",
        str(path),
    )
    assert sorted(row[0] for row in read(path)[1:]) == ["Draft", "In China"]


def test_report_export(tmp_path):
    ProgrammeFactory()
    path = tmp_path / "report.csv"
    call_command("export_csv", "report-programmes-by-country-and-kind", "-o", str(path))
    header, row = read(path)
    assert header[0] == "Country" and row[-1] == "1"


@pytest.mark.parametrize(
    "args",
    [
        ["nope"],
        ["programmes", "--filter", "kind"],
        ["programmes", "--filter", "kind=nonsense"],
        ["report-stale-content", "--filter", "a=b"],
    ],
)
def test_mistakes_are_command_errors(args, tmp_path):
    with pytest.raises(CommandError):
        call_command("export_csv", *args, "-o", str(tmp_path / "x.csv"))


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_on_a_terminal(tmp_path):
    for _ in range(3):
        ProgrammeFactory()
    err = Terminal()
    call_command("export_csv", "programmes", "-o", str(tmp_path / "p.csv"), stderr=err)
    assert "4/4" in err.getvalue()  # the header and three rows
    assert len(read(tmp_path / "p.csv")) == 4


def test_language_option(tmp_path):
    country = CountryFactory(name_en="China", name_ru="Китай", slug="china")
    ProgrammeFactory(title_en="Summer school", title_ru="Летняя школа", host_country=country)
    path = tmp_path / "ru.csv"
    call_command("export_csv", "programmes", "--language", "ru", "-o", str(path), verbosity=0)
    header, row = read(path)
    assert row[0] == "Летняя школа"
    assert "Китай" in row
    assert header[0] != "Title"


def test_a_failed_export_leaves_no_file_and_keeps_the_previous_one(tmp_path, monkeypatch):
    ProgrammeFactory(title="First")
    path = tmp_path / "programmes.csv"
    call_command("export_csv", "programmes", "-o", str(path), verbosity=0)
    previous = path.read_bytes()

    def broken(exporter, rows):
        yield b"Title\r\n"
        raise RuntimeError("database went away")

    monkeypatch.setattr("exports.management.commands.export_csv.iter_csv", broken)
    with pytest.raises(RuntimeError):
        call_command("export_csv", "programmes", "-o", str(path), verbosity=0)
    assert path.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["programmes.csv"]  # no .partial left
