"""A GIN index for the site search on PostgreSQL (nothing on SQLite): the document
`portal.search` queries; a test checks that PostgreSQL uses it."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from scoculture.operations import AddIndexOnPostgreSQL, search_document


class Migration(migrations.Migration):
    dependencies = [("heritage", "0001_initial")]

    operations = [
        AddIndexOnPostgreSQL(
            "heritagesite",
            GinIndex(search_document(('name',), ('summary', 'region')), name="heritage_search_idx"),
        ),
    ]
