"""kill -9 half-way through import_whc leaves no site and no link: the import is one transaction."""

import signal
import subprocess
import sys

import pytest
from django.conf import settings

from heritage.tests.test_import_whc import DATA
from scoculture.tests.helpers import manage
from scoculture.tests.test_killed_workers import (  # noqa: F401 (fixtures)
    counts,
    environment,
    kill,
    migrated,
    site,
    wait_for_stall,
)

pytestmark = pytest.mark.faults

TABLES = ["heritage_heritagesite", "heritage_heritagesite_countries", "reversion_version"]


def test_killed_import_leaves_nothing_half_written(site):  # noqa: F811
    env = environment(site["database"], site["media"], site["marker"])
    process = subprocess.Popen(
        [sys.executable, "-m", "heritage.tests.stalling", "import_whc", str(DATA / "whc-sco.csv")],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    kill(wait_for_stall(process, site["marker"]))
    assert process.wait(10) == -signal.SIGKILL
    assert counts(site["database"], TABLES) == dict.fromkeys(TABLES, 0)
    assert counts(site["database"], ["scoculture_country"]) == {"scoculture_country": 12}
    # The next run starts from a clean slate and adds every site.
    output = manage(
        environment(site["database"], site["media"]), "import_whc", DATA / "whc-sco.csv"
    )
    assert "added 190, updated 0, unchanged 0, skipped 0" in output
