"""A GIN index for the site search on PostgreSQL (nothing on SQLite): the document
`portal.search` queries; a test checks that PostgreSQL uses it."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from scoculture.operations import AddIndexOnPostgreSQL, search_document


class Migration(migrations.Migration):
    dependencies = [("festivals", "0001_initial")]

    operations = [
        AddIndexOnPostgreSQL(
            "festival",
            GinIndex(search_document(('title',), ('summary', 'city', 'venue')), name="festival_search_idx"),
        ),
    ]
