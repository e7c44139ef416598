"""The programmes list's indexes: none on the untranslated `title` column (modeltranslation sorts
and filters by `title_<language>`, which have theirs), and on PostgreSQL the trigram indexes of
the list's text filter (scoculture.operations.text_filter_indexes)."""

from django.db import migrations

from scoculture.operations import text_filter_indexes


class Migration(migrations.Migration):
    dependencies = [("programmes", "0003_is_example"), ("portal", "0002_trigram_extension")]

    operations = [
        migrations.RemoveIndex(model_name="programme", name="programme_title_idx"),
        *text_filter_indexes("programme", "programme", ("title", "summary", "organiser")),
    ]
