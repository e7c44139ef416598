"""The festivals list's indexes: none on the untranslated `title` column (modeltranslation sorts
and filters by `title_<language>`, which have theirs), and on PostgreSQL the trigram indexes of
the list's text filter (scoculture.operations.text_filter_indexes). The festival date filters compare the last day, coalesced: festival_last_day_idx holds it."""

from django.db import migrations, models
from django.db.models.functions import Coalesce

from scoculture.operations import text_filter_indexes


class Migration(migrations.Migration):
    dependencies = [("festivals", "0004_coordinates"), ("portal", "0002_trigram_extension")]

    operations = [
        migrations.RemoveIndex(model_name="festival", name="festival_title_idx"),
        migrations.AddIndex(
            model_name="festival",
            index=models.Index(Coalesce("end_date", "start_date"), name="festival_last_day_idx"),
        ),
        *text_filter_indexes("festival", "festival", ("title", "summary", "organiser", "city")),
    ]
