"""Alternate names (one a line, untranslated) and the search index rebuilt to read them."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

from scoculture.operations import AddIndexOnPostgreSQL, RemoveIndexOnPostgreSQL, search_document


class Migration(migrations.Migration):
    dependencies = [("heritage", "0003_is_example")]

    operations = [
        migrations.AddField(
            model_name="heritagesite",
            name="alternate_names",
            field=models.TextField(
                blank=True,
                help_text="Other names and spellings, one a line (Uzbek Latin, Russian and other "
                "transliterations, former names). Search finds the site by them.",
                verbose_name="alternate names",
            ),
        ),
        RemoveIndexOnPostgreSQL(
            "heritagesite",
            GinIndex(search_document(("name",), ("summary", "region")), name="heritage_search_idx"),
        ),
        AddIndexOnPostgreSQL(
            "heritagesite",
            GinIndex(
                search_document(("name",), ("summary", "region"), ("alternate_names",)),
                name="heritage_search_idx",
            ),
        ),
    ]
