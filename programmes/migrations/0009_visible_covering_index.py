"""PostgreSQL only: the visibility index again, holding what the counts read (kind, host,
expiry, key), so the facet and home counts of published programmes read the index alone
(an index-only scan of some 70 MB) instead of the table (1.9 GB at a million programmes:
the host count 4.2 s -> 0.4 s). SQLite keeps `programme_visible_idx`: it has no covering
indexes, and a model that declared one would warn on every command there."""

from django.db import migrations, models

from scoculture.operations import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [("programmes", "0008_kind_title_indexes")]

    operations = [
        AddIndexOnPostgreSQL(
            "programme",
            models.Index(
                fields=["status", "-published_at"],
                include=["expire_at", "id", "kind", "host_country"],
                name="programme_visible_cover",
            ),
        ),
    ]
