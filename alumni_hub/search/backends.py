"""The two full-text engines behind one interface: SQLite FTS5 and PostgreSQL tsvector.

Both match the same analyzed terms (search/analysis.py), so they find the same documents;
each ranks with its own measure (FTS5 bm25, PostgreSQL ts_rank), title above body above
compound parts, newest first among equals.
"""
from sqlalchemy import column, func, literal_column, table, text

from alumni_hub.search import syntax
from alumni_hub.search.models import SearchDocument

_fts = table("search_fts", column("rowid"))
# bm25 weights per FTS column: title_terms, body_terms, extra_terms.
_BM25 = literal_column("bm25(search_fts, 5.0, 1.0, 0.3)")
_TSV = literal_column("search_documents.tsv")


class Backend:
    """How one database matches and ranks; subclasses fill in two expressions."""

    def __init__(self, query: syntax.Query):
        self.query = query

    def matching(self, stmt):
        raise NotImplementedError

    def score(self):
        """A column to sort by, ascending = more relevant."""
        raise NotImplementedError


class SQLiteBackend(Backend):
    def matching(self, stmt):
        return (stmt.join(_fts, _fts.c.rowid == SearchDocument.id)
                .where(text("search_fts MATCH :fts_query")
                       .bindparams(fts_query=syntax.to_fts5(self.query))))

    def score(self):
        return _BM25


class PostgresBackend(Backend):
    def _tsquery(self):
        return func.to_tsquery(literal_column("'simple'::regconfig"),
                               syntax.to_tsquery(self.query))

    def matching(self, stmt):
        return stmt.where(_TSV.op("@@")(self._tsquery()))

    def score(self):
        # ts_rank weights are {D, C, B, A}: compound parts, -, body, title.
        return -func.ts_rank(literal_column("'{0.03, 0.1, 0.2, 1.0}'::float4[]"), _TSV,
                             self._tsquery(), 1)


def backend_for(session, query: syntax.Query) -> Backend:
    name = session.get_bind().dialect.name
    return PostgresBackend(query) if name == "postgresql" else SQLiteBackend(query)
