"""Test-only entry point: manage.py import_whc stalling half-way, for a kill -9 test.

Run as `python -m heritage.tests.stalling import_whc FILE ...`; see scoculture.tests.stalling.
"""

import sys

from scoculture.tests.stalling import stall


def import_whc(*args):
    """Creates the SCO countries, then runs import_whc and stalls after its 20th new site."""
    from django.core.management import call_command

    from heritage import whc
    from heritage.tests.test_import_whc import MEMBERS, OBSERVERS
    from scoculture.models import Country
    from scoculture.tests.factories import CountryFactory

    for code in MEMBERS + OBSERVERS:
        status = Country.SCOStatus.MEMBER if code in MEMBERS else Country.SCOStatus.OBSERVER
        CountryFactory(code=code, sco_status=status)

    real_add = whc.Importer.add

    def add(self, row, countries):
        site = real_add(self, row, countries)
        if len(self.report.added) == 20:
            stall()
        return site

    whc.Importer.add = add
    call_command("import_whc", *args)


if __name__ == "__main__":
    import django

    django.setup()
    globals()[sys.argv[1]](*sys.argv[2:])
