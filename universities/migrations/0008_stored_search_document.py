"""The search document stored with each row on PostgreSQL (a generated column under the
search index's name), so the site search reads it instead of computing it per row."""

from django.db import migrations

from scoculture.operations import StoreSearchDocument, search_document


class Migration(migrations.Migration):
    dependencies = [("universities", "0007_published_index")]

    operations = [
        StoreSearchDocument(
            "university",
            search_document(("name",), ("city", "description")),
            "university_search_idx",
        ),
    ]
