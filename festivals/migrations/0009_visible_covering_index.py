"""PostgreSQL only: the visibility index again, holding what the list's facet counts and
plain filters read (kind, host, format, sector, dates, expiry, key), so a festival list's
first request after a change counts from the index alone, not the table (155 MB at 100,000
festivals). SQLite keeps `festival_visible_idx`: it has no covering indexes."""

from django.db import migrations, models

from scoculture.operations import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [("festivals", "0008_stored_search_document")]

    operations = [
        AddIndexOnPostgreSQL(
            "festival",
            models.Index(
                fields=["status", "-published_at"],
                include=["expire_at", "id", "kind", "host_country", "format", "sector"]
                + ["start_date", "end_date"],
                name="festival_visible_cover",
            ),
        ),
    ]
