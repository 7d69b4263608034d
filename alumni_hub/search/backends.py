"""The two full-text engines behind one interface: SQLite FTS5 and PostgreSQL tsvector.

Both match the same analyzed terms (search/analysis.py), so they find the same documents;
each ranks with its own measure (FTS5 bm25, PostgreSQL ts_rank), title above body above
compound parts, newest first among equals.

Ranking every match of a very common word ("Schule" in 60,000 posts) costs far more than
the 50 ms a search may take, so both work on a window: the `limit` newest matches (by index
row id, which grows with every new document and is renumbered oldest first by a rebuild).
One walk over that window gives the counts per kind and the scores to rank by; words rarer
than that are counted and ranked over all their matches; counts stop at a cap and say so.
"""
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import and_, column, func, literal_column, select, table, text, true

from alumni_hub.search import syntax
from alumni_hub.search.models import SearchDocument

_fts = table("search_fts", column("rowid"))
# bm25 weights per FTS column: title_terms, body_terms, extra_terms.
_BM25 = literal_column("bm25(search_fts, 5.0, 1.0, 0.3)")
_TSV = literal_column("search_documents.tsv")


class WindowRow(NamedTuple):
    id: int
    kind: str
    created_at: datetime
    score: float  # higher ranks first, on both engines
    passes: bool  # the conditions (PostgreSQL filters in the walk: always True)


class SQLiteBackend:
    """FTS5 finds and ranks; the document table then filters by visibility and filters."""

    def __init__(self, query: syntax.Query):
        self.match = text("search_fts MATCH :fts_query").bindparams(
            fts_query=syntax.to_fts5(query))

    def _newest(self, limit, *columns):
        stmt = select(_fts.c.rowid.label("id"), *columns).where(self.match)
        return stmt.order_by(_fts.c.rowid.desc()).limit(limit).subquery()

    def window(self, conditions: list, limit: int) -> list[WindowRow]:
        """The `limit` newest matches, each marked whether it passes the conditions."""
        newest = self._newest(limit, _BM25.label("score"))
        return [WindowRow(*row) for row in db_rows(
            select(SearchDocument.id, SearchDocument.kind, SearchDocument.created_at,
                   -newest.c.score, and_(*conditions))
            .join(newest, newest.c.id == SearchDocument.id))]

    def ranked(self, conditions: list, limit: int | None):
        newest = self._newest(limit, _BM25.label("score"))
        return (select(SearchDocument).join(newest, newest.c.id == SearchDocument.id)
                .where(*conditions).order_by(newest.c.score))


class PostgresBackend:
    """The GIN index finds; the conditions filter in the same scan; ts_rank ranks."""

    def __init__(self, query: syntax.Query):
        self.tsquery = func.to_tsquery(literal_column("'simple'::regconfig"),
                                       syntax.to_tsquery(query))
        # ts_rank weights are {D, C, B, A}: compound parts, -, body, title.
        self.score = func.ts_rank(literal_column("'{0.03, 0.1, 0.2, 1.0}'::float4[]"), _TSV,
                                  self.tsquery, 1)
        # After five runs of one statement psycopg prepares it, and PostgreSQL may then
        # reuse a generic plan that does not know the words: a bitmap scan over every
        # match of "Schule" (measured: 30 ms became 200 ms). Plans here depend on them.
        db_session().execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))

    def _newest(self, conditions, limit, *columns):
        stmt = select(SearchDocument.id, *columns).where(_TSV.op("@@")(self.tsquery),
                                                         *conditions)
        return stmt.order_by(SearchDocument.id.desc()).limit(limit).subquery()

    def window(self, conditions: list, limit: int) -> list[WindowRow]:
        """The `limit` newest matches that pass the conditions (scored in the same walk)."""
        newest = self._newest(conditions, limit, SearchDocument.kind,
                              SearchDocument.created_at, self.score, true())
        return [WindowRow(*row) for row in db_rows(select(newest))]

    def ranked(self, conditions: list, limit: int | None):
        newest = self._newest(conditions, limit)
        return (select(SearchDocument).join(newest, newest.c.id == SearchDocument.id)
                .order_by(self.score.desc()))


def db_session():
    from alumni_hub.extensions import db  # noqa: PLC0415

    return db.session


def db_rows(stmt) -> list:
    return db_session().execute(stmt).all()


def backend_for(session, query: syntax.Query):
    name = session.get_bind().dialect.name
    return PostgresBackend(query) if name == "postgresql" else SQLiteBackend(query)
