"""GIN indexes for the site search on PostgreSQL (nothing on SQLite).

Each expression is the document `programmes.search.SearchKind.vector()` builds: titles (every
language) weighted A, the other text weighted B, `simple` configuration. A test checks that
PostgreSQL uses these indexes for the search query.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

from scoculture.operations import AddIndexOnPostgreSQL

LANGUAGES = ("en", "ru", "zh_hans")


def columns(*fields):
    return [f"{field}_{language}" for field in fields for language in LANGUAGES]


def document(title, *text):
    return SearchVector(*columns(title), weight="A", config="simple") + SearchVector(
        *columns(*text), weight="B", config="simple"
    )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0002_staff_groups")]

    operations = [
        AddIndexOnPostgreSQL(
            "programme",
            GinIndex(document("title", "summary", "organiser"), name="programme_search_idx"),
        ),
        AddIndexOnPostgreSQL(
            "festival",
            GinIndex(document("title", "summary", "city", "venue"), name="festival_search_idx"),
        ),
        AddIndexOnPostgreSQL(
            "university",
            GinIndex(document("name", "city", "description"), name="university_search_idx"),
        ),
    ]
