"""The last changes, in order: the newest published one dates the sitemaps of the kind in
their index (`get_latest_lastmod`), a step down this index where it read every row (a second
at a million programmes)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("heritage", "0008_stored_search_document")]

    operations = [
        migrations.AddIndex(
            model_name="heritagesite",
            index=models.Index(fields=["updated_at"], name="heritage_updated_idx"),
        ),
    ]
