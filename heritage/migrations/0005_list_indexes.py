"""The heritage list's indexes: none on the untranslated `name` column (modeltranslation sorts
and filters by `name_<language>`, which have theirs), and on PostgreSQL the trigram indexes of
the list's text filter (scoculture.operations.text_filter_indexes)."""

from django.db import migrations

from scoculture.operations import text_filter_indexes


class Migration(migrations.Migration):
    dependencies = [("heritage", "0004_alternate_names"), ("portal", "0002_trigram_extension")]

    operations = [
        migrations.RemoveIndex(model_name="heritagesite", name="heritage_name_idx"),
        *text_filter_indexes(
            "heritagesite", "heritage", ("name", "region", "summary"), plain=("unesco_reference",)
        ),
    ]
