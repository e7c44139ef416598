"""Migration operations shared by the apps."""

from django.contrib.postgres.search import SearchVector
from django.db import migrations


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
