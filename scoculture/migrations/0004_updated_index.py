"""The last changes, in order: the newest published one dates the sitemaps of the kind in
their index (`get_latest_lastmod`), a step down this index where it read every row (a second
at a million programmes)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("scoculture", "0003_expiry_index")]

    operations = [
        migrations.AddIndex(
            model_name="country",
            index=models.Index(fields=["updated_at"], name="country_updated_idx"),
        ),
    ]
