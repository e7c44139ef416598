"""The search document stored with each row on PostgreSQL (a generated column under the
search index's name), so the site search reads it instead of computing it per row."""

from django.db import migrations

from scoculture.operations import StoreSearchDocument, search_document


class Migration(migrations.Migration):
    dependencies = [("routes", "0004_expiry_index")]

    operations = [
        StoreSearchDocument("route", search_document(("title",), ("summary",)), "route_search_idx"),
    ]
