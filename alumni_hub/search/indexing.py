"""Keeping the index current: changes seen in the session are indexed before each commit.

after_flush notes which registered objects were added, changed or deleted; before_commit
turns them into index rows with Core statements, inside the same transaction, so a
rolled-back write leaves no trace in the index and a committed one is found at once.
"""
import heapq
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import lru_cache
from itertools import chain, islice

from sqlalchemy import delete, event, inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from alumni_hub.search import analysis
from alumni_hub.search.models import SearchDocument, SearchWord
from alumni_hub.search.providers import Document, get_provider, providers

PENDING = "search_pending"
CHUNK = 500
MAX_BODY = 20_000
MAX_WORDS = 400
_LONG_AGO = datetime(1970, 1, 1, tzinfo=UTC)


def _watchers(model: type):
    for provider in providers():
        if model is provider.model:
            yield provider, provider.fields, None
        for related in provider.related:
            if model is related.model:
                yield provider, related.fields, related.ids


def _key(obj) -> int:
    return inspect(obj).mapper.primary_key_from_instance(obj)[0]


def _changed(obj, fields) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in fields)


@event.listens_for(Session, "before_flush")
def _note_deletions(session, flush_context, instances) -> None:
    """Documents that depend on a deleted object, found while the database still links
    them (the flush may set their foreign keys to NULL or delete them by cascade)."""
    for obj in list(session.deleted):
        for provider, _fields, ids in _watchers(type(obj)):
            if ids is not None:
                with session.no_autoflush:
                    found = session.scalars(ids(obj)).all()
                session.info.setdefault(PENDING, []).extend(
                    (provider.source, None, source_id) for source_id in found)


@event.listens_for(Session, "after_flush")
def _note_changes(session, flush_context) -> None:
    dirty = set(session.dirty)
    for obj in chain(session.new, dirty, session.deleted):
        for provider, fields, ids in _watchers(type(obj)):
            if fields and obj in dirty and not _changed(obj, fields):
                continue
            if ids is not None and obj in session.deleted:
                continue  # noted before the flush
            pending = session.info.setdefault(PENDING, [])
            pending.append((provider.source, ids, obj if ids else _key(obj)))


@event.listens_for(Session, "before_commit")
def _index_changes(session) -> None:
    # Commit would flush anyway; flushing first lets after_flush note what is in it.
    session.flush()
    if not session.info.get(PENDING):
        return
    wanted: dict[str, set[int]] = {}
    for source, ids, target in session.info.pop(PENDING, []):
        found = session.scalars(ids(target)).all() if ids else [target]
        wanted.setdefault(source, set()).update(found)
    for source, source_ids in wanted.items():
        refresh(session, source, sorted(source_ids))


@event.listens_for(Session, "after_soft_rollback")
def _forget_changes(session, previous_transaction) -> None:
    session.info.pop(PENDING, None)


def _chunks(items, size=CHUNK):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _rows(provider, ids: list[int]) -> tuple[dict[int, dict], list[int]]:
    """Index rows for these objects, and the ids that must not be found (or are gone)."""
    documents = {_key(obj): provider.document(obj) for obj in provider.load(ids)}
    rows = {i: _row(provider, i, doc) for i, doc in documents.items() if doc is not None}
    return rows, [i for i in ids if i not in rows]


def refresh(session, source: str, ids) -> int:
    """Re-index these objects of one provider: upsert their rows or remove them."""
    provider = get_provider(source)
    count = 0
    for chunk in _chunks(ids):
        rows, gone = _rows(provider, chunk)
        if gone:
            session.execute(delete(SearchDocument).where(
                SearchDocument.source == source, SearchDocument.source_id.in_(gone)))
        _write(session, list(rows.values()))
        count += len(rows)
    return count


def _write(session, rows: list[dict]) -> None:
    if rows:
        _upsert(session, rows)
        _remember_words(session, rows)


def _row(provider, source_id: int, doc: Document) -> dict:
    body = doc.body[:MAX_BODY]
    title = analysis.analyze(doc.title if doc.index_title else "")
    text = analysis.analyze(body)
    return {
        "source": provider.source, "source_id": source_id, "kind": provider.kind,
        "title": doc.title[:300], "body": body, "location": doc.location[:300],
        "url": doc.url, "category": doc.category, "category_label": doc.category_label,
        "author_id": doc.author_id, "author_name": doc.author_name[:80],
        "created_at": doc.created_at, "visibility": doc.visibility, "audience": doc.audience,
        "title_terms": " ".join(title.words), "body_terms": " ".join(text.words),
        "extra_terms": " ".join(title.extra + text.extra),
    }


def _insert(session):
    return (postgresql if session.get_bind().dialect.name == "postgresql" else sqlite).insert


@lru_cache(maxsize=4)
def _upsert_statement(dialect: str):
    """Built once per dialect: building `excluded` costs more than the insert itself."""
    statement = (postgresql if dialect == "postgresql" else sqlite).insert(SearchDocument)
    keep = ("id", "source", "source_id")
    return statement.on_conflict_do_update(
        index_elements=["source", "source_id"],
        set_={c.name: statement.excluded[c.name] for c in SearchDocument.__table__.columns
              if c.name not in keep})


def _upsert(session, rows: list[dict]) -> None:
    # One cached statement, executed with many parameter sets: a multi-row VALUES clause
    # would be compiled anew for every batch size.
    statement = _upsert_statement(session.get_bind().dialect.name)
    session.connection().execute(statement, rows)


def _remember_words(session, rows: list[dict]) -> None:
    words = set()
    for row in rows:
        found = {p for parts in analysis.words_of(row["title"] + " " + row["body"])
                 for p in parts if 4 <= len(p) <= 40 and p.isalpha()}
        words.update(sorted(found)[:MAX_WORDS])
    if words:
        statement = _insert(session)(SearchWord).on_conflict_do_nothing()
        session.connection().execute(statement, [{"word": w} for w in sorted(words)])


def _dated_keys(session, provider) -> list[tuple]:
    return sorted((dated or _LONG_AGO, provider.source, source_id)
                  for source_id, dated in session.execute(provider.dated_ids()))


def reindex(session) -> Iterator[Counter]:
    """Rebuild the whole index, a chunk at a time (yields the rows written per source).

    Rows are written oldest first across all providers: the index row id is what "newest"
    means when the matches of a very common word are ranked (backends.py), so a rebuild
    must not number one feature's documents after all of another's.
    """
    session.execute(delete(SearchDocument))
    keys = heapq.merge(*(_dated_keys(session, provider) for provider in providers()))
    for chunk in _chunks(keys):
        wanted: dict[str, list[int]] = {}
        for _dated, source, source_id in chunk:
            wanted.setdefault(source, []).append(source_id)
        rows = {}
        for source, ids in wanted.items():
            found, _gone = _rows(get_provider(source), ids)
            rows.update(((source, i), row) for i, row in found.items())
        _write(session, [rows[key[1:]] for key in chunk if key[1:] in rows])
        yield Counter(source for source, _id in rows)


def reindex_all(session) -> dict[str, int]:
    """Rebuild the whole index in the session's transaction; running it twice changes
    nothing."""
    counts = Counter({provider.source: 0 for provider in providers()})
    for written in reindex(session):
        counts.update(written)
    return dict(counts)
