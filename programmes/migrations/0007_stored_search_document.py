"""The search document stored with each row on PostgreSQL (a generated column under the
search index's name), so the site search reads it instead of computing it per row."""

from django.db import migrations

from scoculture.operations import StoreSearchDocument, search_document


class Migration(migrations.Migration):
    dependencies = [("programmes", "0006_expiry_index")]

    operations = [
        StoreSearchDocument(
            "programme",
            search_document(("title",), ("summary", "organiser")),
            "programme_search_idx",
        ),
    ]
