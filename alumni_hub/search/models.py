"""The search index: one row per searchable thing, plus the words seen for "Meintest du …?"."""
from datetime import datetime

from sqlalchemy import DDL, ForeignKey, Index, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from alumni_hub.core.db import UNMODELLED, UTCDateTime
from alumni_hub.extensions import db

# Who may see a document (SQL filter in queries.visible()); `audience` narrows further.
MEMBERS = "members"
MODERATORS = "moderators"


class SearchDocument(db.Model):
    """What a result shows (title, place, snippet source, link) and the analyzed terms.

    The terms columns hold analysis.terms() output; SQLite's FTS5 table `search_fts` and
    PostgreSQL's generated column `tsv` index them (created by DDL below and migration
    0050_search, so neither is in the model).
    """

    __tablename__ = "search_documents"
    __table_args__ = (
        UniqueConstraint("source", "source_id", name="uq_search_documents_source_source_id"),
        Index("ix_search_documents_kind_created", "kind", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(30))
    source_id: Mapped[int] = mapped_column()
    kind: Mapped[str] = mapped_column(String(30))
    location: Mapped[str] = mapped_column(String(300), default="")
    url: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(120), default="", index=True)
    category_label: Mapped[str] = mapped_column(String(120), default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    author_name: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    visibility: Mapped[str] = mapped_column(String(20), default=MEMBERS)
    audience: Mapped[str | None] = mapped_column(String(60), index=True)
    # Long text last: SQLite reads a row's columns in order, and filters on the short
    # ones above should not have to step over a post's text.
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    title_terms: Mapped[str] = mapped_column(Text, default="")
    body_terms: Mapped[str] = mapped_column(Text, default="")
    extra_terms: Mapped[str] = mapped_column(Text, default="")


class SearchWord(db.Model):
    """A word that occurred in some indexed text: the vocabulary for spelling hints."""

    __tablename__ = "search_words"

    word: Mapped[str] = mapped_column(String(60), primary_key=True)


UNMODELLED.update({"search_fts", "search_documents.tsv", "ix_search_documents_tsv"})

# The same statements as migration 0050_search (tests build tables with create_all).
SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title_terms, body_terms, "
    "extra_terms, content='search_documents', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0', prefix='3 4 5 6')",
    "CREATE TRIGGER IF NOT EXISTS search_fts_ai AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO search_fts(rowid, title_terms, body_terms, extra_terms) "
    "VALUES (new.id, new.title_terms, new.body_terms, new.extra_terms); END",
    "CREATE TRIGGER IF NOT EXISTS search_fts_ad AFTER DELETE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms, extra_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms, old.extra_terms); END",
    "CREATE TRIGGER IF NOT EXISTS search_fts_au AFTER UPDATE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms, extra_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms, old.extra_terms); "
    "INSERT INTO search_fts(rowid, title_terms, body_terms, extra_terms) "
    "VALUES (new.id, new.title_terms, new.body_terms, new.extra_terms); END",
)
POSTGRES_DDL = (
    "ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', title_terms), 'A') || "
    "setweight(to_tsvector('simple', body_terms), 'B') || "
    "setweight(to_tsvector('simple', extra_terms), 'D')) STORED",
    "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)",
)

for _statement in SQLITE_DDL:
    event.listen(SearchDocument.__table__, "after_create",
                 DDL(_statement).execute_if(dialect="sqlite"))
for _statement in POSTGRES_DDL:
    event.listen(SearchDocument.__table__, "after_create",
                 DDL(_statement).execute_if(dialect="postgresql"))
event.listen(SearchDocument.__table__, "before_drop",
             DDL("DROP TABLE IF EXISTS search_fts").execute_if(dialect="sqlite"))
