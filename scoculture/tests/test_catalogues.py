"""The Russian and Chinese catalogues are complete: nothing untranslated, nothing fuzzy.

The check runs makemessages over a copy of the source tree, catalogues included, so a string
marked for translation but never added to the catalogues fails the test too, and a test run
never rewrites the committed catalogues (makemessages writes into the `locale/` beside the
source it reads, whatever LOCALE_PATHS says).
"""

import hashlib
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

CATALOGUE_LOCALES = ["ru", "zh_Hans"]
# What makemessages must not read: installed packages, build output, tests, benchmarks.
NOT_SOURCE = [".*", "__pycache__", "node_modules", "staticfiles", "media", "bench", "tests"]


def copy_of_the_source(destination: Path) -> Path:
    shutil.copytree(
        settings.BASE_DIR,
        destination,
        ignore=shutil.ignore_patterns(*NOT_SOURCE, "*.mo", "*.sqlite3", "conftest.py"),
        dirs_exist_ok=True,
    )
    return destination


def refresh_catalogues(source: Path, monkeypatch) -> dict[str, polib.POFile]:
    """makemessages over `source` (a copy): its catalogues as they would be after a refresh."""
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[source / "locale"]):
        call_command("makemessages", locale=CATALOGUE_LOCALES, no_obsolete=True, verbosity=0)
    return {
        locale: polib.pofile(str(source / "locale" / locale / "LC_MESSAGES" / "django.po"))
        for locale in CATALOGUE_LOCALES
    }


def untranslated(catalogue: polib.POFile) -> list[str]:
    return [entry.msgid for entry in catalogue.untranslated_entries()]


def committed_catalogues_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((Path(settings.BASE_DIR) / "locale").rglob("*.po")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        before = committed_catalogues_digest()
        catalogues = refresh_catalogues(
            copy_of_the_source(tmp_path_factory.mktemp("source")), monkeypatch
        )
        assert committed_catalogues_digest() == before, "the committed catalogues changed"
    return catalogues


@pytest.mark.parametrize("locale", CATALOGUE_LOCALES)
def test_committed_catalogue_exists(locale):
    assert (Path(settings.BASE_DIR) / "locale" / locale / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("locale", CATALOGUE_LOCALES)
def test_catalogue_is_complete(refreshed, locale):
    catalogue = refreshed[locale]
    missing = untranslated(catalogue)
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"{len(missing)} untranslated in {locale}: {missing[:20]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {locale}: {fuzzy[:20]}"
    assert len(catalogue.translated_entries()) > 100


def test_a_new_untranslated_string_is_caught(tmp_path, monkeypatch):
    source = copy_of_the_source(tmp_path / "source")
    (source / "scoculture" / "untranslated_probe.py").write_text(
        "from django.utils.translation import gettext as _\n\n"
        "PROBE = _('A sentence no translator has seen yet')\n"
    )
    catalogues = refresh_catalogues(source, monkeypatch)
    for catalogue in catalogues.values():
        assert "A sentence no translator has seen yet" in untranslated(catalogue)
