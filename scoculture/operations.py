"""Migration operations shared by the apps."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models.functions import Upper
from django.db.models.sql import Query


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


# The column that holds each row's search document on PostgreSQL (portal.search reads it).
SEARCH_DOCUMENT_COLUMN = "search_document"


class StoreSearchDocument(migrations.operations.base.Operation):
    """PostgreSQL only: keep a kind's search document in a stored generated column, indexed
    (GIN) under the name of the expression index it replaces.

    Matching the search through the index needs no document, but finding the newest matches
    and ranking them computes each row's: some 100 microseconds a row (to_tsvector over its
    text in three languages), a third of a second for the few thousand rows a common word's
    search walks at a million programmes. Stored, PostgreSQL keeps it up to date on every
    insert and update, whatever writes the row. The models don't declare the column (SQLite
    has no tsvector): like AddIndexOnPostgreSQL, this leaves the migration state alone.
    """

    reduces_to_sql = False
    reversible = True

    def __init__(self, model_name, document, index_name):
        self.model_name = model_name
        self.document = document
        self.index_name = index_name

    def deconstruct(self):
        return (self.__class__.__name__, [self.model_name, self.document, self.index_name], {})

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model, table, column = self.names(app_label, schema_editor, to_state)
        index = schema_editor.quote_name(self.index_name)
        expression = expression_sql(model, self.document, schema_editor)
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} tsvector "
            f"GENERATED ALWAYS AS ({expression}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin ({column})")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model, table, column = self.names(app_label, schema_editor, to_state)
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # and its index
        schema_editor.add_index(model, GinIndex(self.document, name=self.index_name))

    def names(self, app_label, schema_editor, state):
        """The model, and its table's and the document column's quoted names."""
        model = state.apps.get_model(app_label, self.model_name)
        quote = schema_editor.quote_name
        return model, quote(model._meta.db_table), quote(SEARCH_DOCUMENT_COLUMN)

    def describe(self):
        return f"Store the search document of {self.model_name} (PostgreSQL only)"


def expression_sql(model, expression, schema_editor):
    """An expression as SQL for a table's own DDL: unqualified columns, literal values."""
    query = Query(model, alias_cols=False)
    compiler = query.get_compiler(connection=schema_editor.connection)
    sql, params = expression.resolve_expression(query).as_sql(compiler, schema_editor.connection)
    return sql % tuple(schema_editor.quote_value(param) for param in params)
