"""Each heritage site's `country_count`, kept in step with its countries from either side of
the link: a site's countries set (the admin, the UNESCO import), a site saved from serialized
data (a revert), a country's sites changed, or a country deleted (its links go with it,
without a many-to-many signal).

Imported by heritage.translation, ahead of the site's registration for versions."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from scoculture.models import Country

from .models import HeritageSite

Link = HeritageSite.countries.through


@receiver(m2m_changed, sender=Link, dispatch_uid="heritage_count_countries")
def countries_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            count_countries(instance)
    elif action in ("post_add", "post_remove"):
        HeritageSite.objects.filter(pk__in=pk_set).recount_countries()
    elif action == "pre_clear":
        remember_sites(instance)
    elif action == "post_clear":
        recount_remembered_sites(instance)


@receiver(post_save, sender=HeritageSite, dispatch_uid="heritage_count_loaded_site")
def site_saved(sender, instance, raw, **kwargs):
    # A site saved from serialized data (a revert, a recovery from the recycle bin, loaddata)
    # brings the count its data held, or the default from a version older than the count,
    # and its links are set afterwards only where they differ.
    if raw:
        count_countries(instance)


@receiver(pre_delete, sender=Country, dispatch_uid="heritage_remember_country_sites")
def country_deleting(sender, instance, **kwargs):
    remember_sites(instance)


@receiver(post_delete, sender=Country, dispatch_uid="heritage_recount_country_sites")
def country_deleted(sender, instance, **kwargs):
    recount_remembered_sites(instance)


def count_countries(site):
    # The site in hand keeps the count too: the version that the admin or the import saves
    # of it afterwards records it.
    site.country_count = Link.objects.filter(heritagesite=site.pk).count()
    HeritageSite.objects.filter(pk=site.pk).update(country_count=site.country_count)


def remember_sites(country):
    country._heritage_sites_to_recount = list(country.heritage_sites.values_list("pk", flat=True))


def recount_remembered_sites(country):
    sites = getattr(country, "_heritage_sites_to_recount", [])
    HeritageSite.objects.filter(pk__in=sites).recount_countries()
