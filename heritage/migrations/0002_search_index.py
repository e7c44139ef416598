"""GIN index for the site search on PostgreSQL (nothing on SQLite); see
programmes/migrations/0003_search_indexes.py."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

from scoculture.operations import AddIndexOnPostgreSQL

LANGUAGES = ("en", "ru", "zh_hans")


def columns(*fields):
    return [f"{field}_{language}" for field in fields for language in LANGUAGES]


class Migration(migrations.Migration):
    dependencies = [("heritage", "0001_initial")]

    operations = [
        AddIndexOnPostgreSQL(
            "heritagesite",
            GinIndex(
                SearchVector(*columns("name"), weight="A", config="simple")
                + SearchVector(*columns("summary", "region"), weight="B", config="simple"),
                name="heritage_search_idx",
            ),
        ),
    ]
