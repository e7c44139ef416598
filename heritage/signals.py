"""Each heritage site's `country_count`, kept in step with its countries from either side of
the link: a site's countries set (the admin, the UNESCO import, a revert), a country's sites
changed, or a country deleted (its links go with it, without a many-to-many signal).

Imported by heritage.translation, ahead of the site's registration for versions."""

from django.db.models.signals import m2m_changed, post_delete, pre_delete
from django.dispatch import receiver

from scoculture.models import Country

from .models import HeritageSite

Link = HeritageSite.countries.through


@receiver(m2m_changed, sender=Link, dispatch_uid="heritage_count_countries")
def countries_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            # The site in hand keeps the count too: the version the admin or the import
            # saves of it afterwards records it.
            instance.country_count = Link.objects.filter(heritagesite=instance.pk).count()
            HeritageSite.objects.filter(pk=instance.pk).update(country_count=instance.country_count)
    elif action in ("post_add", "post_remove"):
        HeritageSite.objects.filter(pk__in=pk_set).recount_countries()
    elif action == "pre_clear":
        remember_sites(instance)
    elif action == "post_clear":
        recount_remembered_sites(instance)


@receiver(pre_delete, sender=Country, dispatch_uid="heritage_remember_country_sites")
def country_deleting(sender, instance, **kwargs):
    remember_sites(instance)


@receiver(post_delete, sender=Country, dispatch_uid="heritage_recount_country_sites")
def country_deleted(sender, instance, **kwargs):
    recount_remembered_sites(instance)


def remember_sites(country):
    country._heritage_sites_to_recount = list(country.heritage_sites.values_list("pk", flat=True))


def recount_remembered_sites(country):
    sites = getattr(country, "_heritage_sites_to_recount", [])
    HeritageSite.objects.filter(pk__in=sites).recount_countries()
