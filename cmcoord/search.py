"""Search that costs what its matches cost: accents and case ignored, served by indexes.

``field__matches=value`` finds ``value`` anywhere in the field, ignoring case and accents
("Buzi" finds "Búzi"). On PostgreSQL it compares ``cmcoord_unaccent(field) ILIKE
cmcoord_unaccent('%value%')``: ``cmcoord_unaccent`` is an immutable wrapper of the ``unaccent``
extension, and each searched column has a trigram GIN index on that expression (``pg_trgm``), so
a search reads the index entries of its matches rather than every row of the scope. The
extensions, the function and the indexes come from migrations (``trigram_indexes``). On SQLite
(``make run``, the quick tests) the same function is registered in Python on each connection and
the comparison is a plain LIKE over it: same results, no index.

The API's ``?search=`` and the pages' ``?q=`` use it through ``SearchFilter`` below.
"""

import unicodedata

from django.db import NotSupportedError, models
from django.db.backends.signals import connection_created
from django.db.migrations.operations import RunPython
from django.db.models import Lookup
from django.db.models.lookups import IContains
from rest_framework.filters import SearchFilter as DRFSearchFilter

FUNCTION = "cmcoord_unaccent"

CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
"""


def unaccented(text):
    """Python twin of the SQL function: lower case, accents dropped."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def register_sqlite_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(FUNCTION, 1, unaccented, deterministic=True)


connection_created.connect(register_sqlite_function, dispatch_uid="cmcoord_unaccent_sqlite")


@models.CharField.register_lookup
@models.TextField.register_lookup
class Matches(IContains):
    """Contains, ignoring case and accents (see the module docstring)."""

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)  # '%value%', LIKE-escaped
        operator = "ILIKE" if connection.vendor == "postgresql" else "LIKE"
        escape = "" if connection.vendor == "postgresql" else " ESCAPE '\\'"
        sql = f"{FUNCTION}({lhs}) {operator} {FUNCTION}({rhs}){escape}"
        return sql, (*lhs_params, *rhs_params)


@models.CharField.register_lookup
@models.TextField.register_lookup
class SimilarWord(Lookup):
    """PostgreSQL only: the value is close to a word of the field (a typo: "Buzzi" for "Búzi").

    ``cmcoord_unaccent(field) %> cmcoord_unaccent(value)``: pg_trgm's word similarity above
    ``pg_trgm.word_similarity_threshold`` (0.6), served by the same trigram GIN indexes.
    """

    lookup_name = "similar_word"

    def as_sql(self, compiler, connection):
        if connection.vendor != "postgresql":
            raise NotSupportedError("similar_word needs PostgreSQL's pg_trgm")
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{FUNCTION}({lhs}) %%> {FUNCTION}({rhs})", (*lhs_params, *rhs_params)


class Unaccent(models.Func):
    """``cmcoord_unaccent(expression)``: lower case, accents dropped (both databases)."""

    function = FUNCTION
    output_field = models.TextField()


class SearchFilter(DRFSearchFilter):
    """DRF's search with ``matches`` as the default lookup."""

    default_lookup = "matches"


def _extensions(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(CREATE_FUNCTION)


def search_extensions() -> RunPython:
    """Migration operation: the extensions and the function (PostgreSQL; nothing elsewhere)."""
    return RunPython(_extensions, RunPython.noop, elidable=False)


def trigram_indexes(table: str, columns: list[str]) -> RunPython:
    """Migration operation: a trigram GIN index on ``cmcoord_unaccent(column)`` per column."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{table}_{column}_trgm" ON "{table}" '
                f'USING gin ({FUNCTION}("{column}") gin_trgm_ops)'
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_{column}_trgm"')

    return RunPython(create, drop, elidable=False)
