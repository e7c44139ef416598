"""A GIN index for the site search on PostgreSQL (nothing on SQLite): the document
`portal.search` queries; a test checks that PostgreSQL uses it."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from scoculture.operations import AddIndexOnPostgreSQL, search_document


class Migration(migrations.Migration):
    dependencies = [("routes", "0002_staff_groups")]

    operations = [
        AddIndexOnPostgreSQL(
            "route",
            GinIndex(search_document(("title",), ("summary",)), name="route_search_idx"),
        ),
    ]
