"""Each site's stored number of countries (`country_count`, read by the transboundary filter
and the cards' badge) follows its links, whichever side changes them."""

import json

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from heritage.models import HeritageSite
from heritage.tests.factories import HeritageSiteFactory
from photos.tests.admin_form import form_data
from scoculture.tests.factories import CountryFactory

pytestmark = pytest.mark.django_db


def stored(*sites):
    counts = dict(HeritageSite.objects.values_list("pk", "country_count"))
    return [counts[site.pk] for site in sites]


def test_a_sites_own_link_changes_are_counted_in_the_table_and_on_the_site_in_hand():
    kz, cn, kg = CountryFactory(), CountryFactory(), CountryFactory()
    site = HeritageSiteFactory(countries=[kz])
    assert stored(site) == [site.country_count] == [1]
    site.countries.add(cn, kg)
    assert stored(site) == [site.country_count] == [3]
    site.countries.remove(kg)
    assert stored(site) == [site.country_count] == [2]
    site.countries.set([kg])
    assert stored(site) == [site.country_count] == [1]
    site.countries.clear()
    assert stored(site) == [site.country_count] == [0]


def test_a_countrys_link_changes_recount_its_sites():
    kz, cn = CountryFactory(), CountryFactory()
    corridor, town = HeritageSiteFactory(countries=[kz]), HeritageSiteFactory(countries=[kz])
    cn.heritage_sites.add(corridor, town)
    assert stored(corridor, town) == [2, 2]
    cn.heritage_sites.remove(town)
    assert stored(corridor, town) == [2, 1]
    kz.heritage_sites.clear()
    assert stored(corridor, town) == [1, 0]


def test_deleting_a_country_recounts_the_sites_it_was_in():
    kz, cn = CountryFactory(), CountryFactory()
    corridor, elsewhere = HeritageSiteFactory(countries=[kz, cn]), HeritageSiteFactory()
    cn.delete()
    assert stored(corridor, elsewhere) == [1, 1]
    assert not HeritageSite.objects.transboundary().exists()


def test_transboundary_means_two_countries_or_more():
    kz, cn, kg = CountryFactory(), CountryFactory(), CountryFactory()
    HeritageSiteFactory(slug="one", countries=[kz])
    HeritageSiteFactory(slug="two", countries=[kz, cn])
    HeritageSiteFactory(slug="three", countries=[kz, cn, kg])
    slugs = HeritageSite.objects.transboundary().values_list("slug", flat=True)
    assert sorted(slugs) == ["three", "two"]


def test_an_admin_save_stores_the_count_and_its_version_records_it(admin_client):
    """The version is written from the site the admin saved, after its countries: a count
    left stale on it would come back with a revert."""
    kz, cn = CountryFactory(), CountryFactory()
    site = HeritageSiteFactory(countries=[kz])
    url = reverse("admin:heritage_heritagesite_change", args=[site.pk])
    data = form_data(admin_client.get(url).content.decode())
    data["countries"] = [str(kz.pk), str(cn.pk)]
    assert admin_client.post(url, data).status_code == 302
    assert stored(site) == [2]
    (version,) = Version.objects.get_for_object(site)
    assert version.field_dict["country_count"] == 2


def test_a_revert_to_a_version_older_than_the_count_counts_the_links():
    """Versions saved before the count existed do not hold it, and a revert that sets the
    same countries sends no link signal."""
    kz, cn = CountryFactory(), CountryFactory()
    site = HeritageSiteFactory(countries=[kz, cn])
    with reversion.create_revision():
        reversion.add_to_revision(site)
    version = Version.objects.get_for_object(site).get()
    data = json.loads(version.serialized_data)
    del data[0]["fields"]["country_count"]
    version.serialized_data = json.dumps(data)
    version.save()

    version.revert()
    assert stored(site) == [2]
