"""The search document stored with each row on PostgreSQL (a generated column under the
search index's name), so the site search reads it instead of computing it per row."""

from django.db import migrations

from scoculture.operations import StoreSearchDocument, search_document


class Migration(migrations.Migration):
    dependencies = [("heritage", "0007_admin_indexes")]

    operations = [
        StoreSearchDocument(
            "heritagesite",
            search_document(("name",), ("summary", "region"), ("alternate_names",)),
            "heritage_search_idx",
        ),
    ]
