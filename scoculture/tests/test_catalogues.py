"""The Russian and Chinese catalogues are complete: nothing untranslated, nothing fuzzy.

The check runs makemessages over the current source into a copy of the catalogues, so a string
marked for translation but never added to the catalogues fails the test too.
"""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

CATALOGUE_LOCALES = ["ru", "zh_Hans"]


@pytest.fixture(scope="module")
def refreshed_catalogues(tmp_path_factory):
    locale_copy = tmp_path_factory.mktemp("locale")
    shutil.copytree(settings.BASE_DIR / "locale", locale_copy, dirs_exist_ok=True)
    from django.test import override_settings

    with override_settings(LOCALE_PATHS=[locale_copy]):
        call_command(
            "makemessages",
            locale=CATALOGUE_LOCALES,
            ignore_patterns=["staticfiles/*", "bench/*", "*/tests/*", "conftest.py"],
            no_obsolete=True,
            verbosity=0,
        )
    return locale_copy


@pytest.mark.parametrize("locale", CATALOGUE_LOCALES)
def test_committed_catalogue_exists(locale):
    assert (Path(settings.BASE_DIR) / "locale" / locale / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("locale", CATALOGUE_LOCALES)
def test_catalogue_is_complete(refreshed_catalogues, locale):
    catalogue = polib.pofile(str(refreshed_catalogues / locale / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated in {locale}: {untranslated[:20]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {locale}: {fuzzy[:20]}"
    assert len(catalogue.translated_entries()) > 100
