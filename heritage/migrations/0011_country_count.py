"""Each site's number of countries, stored (heritage.signals keeps it from now on), and a
partial index on the transboundary sites: the filter and its facets grouped the whole links
table in each of their four queries (725 ms for the list at 100,000 sites)."""

from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_countries(apps, schema_editor):
    site = apps.get_model("heritage", "HeritageSite")
    links = (
        site.countries.through.objects.filter(heritagesite=OuterRef("pk"))
        .order_by()
        .values("heritagesite")
        .annotate(n=Count("pk"))
        .values("n")
    )
    site.objects.update(country_count=Coalesce(Subquery(links), 0))


class Migration(migrations.Migration):
    dependencies = [("heritage", "0010_newest_inscribed_index")]

    operations = [
        migrations.AddField(
            model_name="heritagesite",
            name="country_count",
            field=models.PositiveSmallIntegerField(
                default=0, editable=False, verbose_name="number of countries"
            ),
        ),
        migrations.RunPython(count_countries, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="heritagesite",
            index=models.Index(
                condition=models.Q(country_count__gt=1),
                fields=["country_count"],
                name="heritage_transboundary_idx",
            ),
        ),
    ]
