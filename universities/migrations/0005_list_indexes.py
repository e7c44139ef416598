"""The universities list's indexes: none on the untranslated `name` column (modeltranslation sorts
and filters by `name_<language>`, which have theirs), and on PostgreSQL the trigram indexes of
the list's text filter (scoculture.operations.text_filter_indexes)."""

from django.db import migrations

from scoculture.operations import text_filter_indexes


class Migration(migrations.Migration):
    dependencies = [("universities", "0004_coordinates"), ("portal", "0002_trigram_extension")]

    operations = [
        migrations.RemoveIndex(model_name="university", name="university_name_idx"),
        *text_filter_indexes("university", "university", ("name", "city", "description")),
    ]
