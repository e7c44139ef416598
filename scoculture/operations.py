"""Migration operations shared by the apps."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models.functions import Upper


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """An index only PostgreSQL can build (GIN over a tsvector), skipped on other databases.

    The models don't declare it (SQLite could not create it), so the operation leaves the
    migration state alone: it is pure database work, like RunSQL, but written with Django's
    own index expressions so the index matches the queries that should use it.
    """

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"{super().describe()} (PostgreSQL only)"


SEARCH_LANGUAGES = ("en", "ru", "zh_hans")


def search_document(titles, texts, plain_titles=()):
    """The search document of a kind (portal.search queries with it): its titles in every
    language and its untranslated names (`plain_titles`, such as alternate names) weighted A,
    its other text weighted B, with the `simple` configuration."""

    def columns(fields):
        return [f"{field}_{language}" for field in fields for language in SEARCH_LANGUAGES]

    return SearchVector(
        *columns(titles), *plain_titles, weight="A", config="simple"
    ) + SearchVector(*columns(texts), weight="B", config="simple")


class RemoveIndexOnPostgreSQL(AddIndexOnPostgreSQL):
    """Drops an index AddIndexOnPostgreSQL made (to rebuild it over a new expression)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        super().database_backwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        super().database_forwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"Remove index {self.index.name} (PostgreSQL only)"


def text_filter_indexes(model_name, prefix, translated, plain=()):
    """Trigram GIN indexes for a list's text filter (scoculture.filters.TextFilter) on
    PostgreSQL: one per language over that language's columns of `translated`, and one over
    the untranslated `plain` columns.

    The filter asks `UPPER(column) LIKE UPPER('%word%')` (Django's icontains) of the active
    language's columns and English's, OR-ed: every branch must find an index for PostgreSQL to
    combine them (a BitmapOr) instead of reading the whole table, so each index holds exactly
    that expression. Needs pg_trgm (portal's 0002 migration).
    """

    def trigram_index(columns, name):
        expressions = [OpClass(Upper(column), name="gin_trgm_ops") for column in columns]
        return AddIndexOnPostgreSQL(model_name, GinIndex(*expressions, name=name))

    operations = [
        trigram_index([f"{field}_{language}" for field in translated], f"{prefix}_trgm_{language}")
        for language in SEARCH_LANGUAGES
    ]
    if plain:
        operations.append(trigram_index(plain, f"{prefix}_trgm_plain"))
    return operations
