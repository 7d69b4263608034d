"""Running a search for one member: visible documents only, ranked, filtered, one page."""
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, or_, select

from alumni_hub.extensions import db
from alumni_hub.search import syntax
from alumni_hub.search.backends import WindowRow, backend_for
from alumni_hub.search.models import MEMBERS, MODERATORS, SearchDocument
from alumni_hub.search.providers import providers
from alumni_hub.search.snippets import highlight, snippet

PER_PAGE = 20
MAX_PAGE = 50
# Newest matches counted and ranked for a very common word (see backends.py); counts
# above it are shown as "more than 1,000", and 50 pages of 20 end there too.
WINDOW = 1000
SNIPPET_SCAN = 4000  # characters of a document searched for the snippet


@dataclass(frozen=True)
class SearchParams:
    text: str
    kind: str = ""
    category: str = ""
    author_id: int | None = None
    since: datetime | None = None
    page: int = 1


@dataclass
class Hit:
    document: SearchDocument
    title: object
    snippet: object


@dataclass
class Results:
    query: syntax.Query
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # per kind, other filters applied
    total: int = 0
    capped: bool = False  # more than WINDOW matches: counts are not shown

    @property
    def pages(self) -> int:
        if self.capped:
            return min(MAX_PAGE, WINDOW // PER_PAGE)
        return min(MAX_PAGE, (self.total + PER_PAGE - 1) // PER_PAGE)


def audiences(user) -> list[str]:
    keys: list[str] = []
    for provider in providers():
        if provider.audiences is not None:
            keys.extend(provider.audiences(user))
    return keys


def visible(user):
    """The SQL condition for documents `user` may open."""
    levels = [MEMBERS, MODERATORS] if getattr(user, "is_moderator", False) else [MEMBERS]
    keys = audiences(user)
    audience = SearchDocument.audience.is_(None)
    if keys:
        audience = or_(audience, SearchDocument.audience.in_(keys))
    return and_(SearchDocument.visibility.in_(levels), audience)


def _filters(params: SearchParams) -> list:
    conditions = []
    if params.category:
        conditions.append(SearchDocument.category == params.category)
    if params.author_id:
        conditions.append(SearchDocument.author_id == params.author_id)
    if params.since:
        conditions.append(SearchDocument.created_at >= params.since)
    return conditions


def count_matches(user, query: syntax.Query) -> int:
    backend = backend_for(db.session, query)
    return sum(row.passes for row in backend.window([visible(user)], 1))


def search(user, params: SearchParams) -> Results:
    """One page of results: counts per kind (up to a cap) and the ranked page, both from one
    walk over the newest matches; only a filter that leaves too few of them ranks all."""
    query = syntax.parse(params.text)
    results = Results(query)
    if query.empty:
        return results
    backend = backend_for(db.session, query)
    conditions = [visible(user), *_filters(params)]
    rows = backend.window(conditions, WINDOW + 1)
    results.capped = len(rows) > WINDOW
    results.counts = dict(Counter(row.kind for row in rows[:WINDOW] if row.passes))
    results.total = (results.counts.get(params.kind, 0) if params.kind
                     else sum(results.counts.values()))
    if not results.total and not results.capped:
        return results
    page = min(max(params.page, 1), MAX_PAGE)
    wanted = [row for row in rows[:WINDOW]
              if row.passes and row.kind == (params.kind or row.kind)]
    if len(wanted) < min(page * PER_PAGE, WINDOW) and results.capped:
        # The window held too few that pass the filters: rank all matches in the database.
        if params.kind:
            conditions.append(SearchDocument.kind == params.kind)
        documents = _ranked_page(backend, conditions, page)
    else:
        documents = _page_of(wanted, page)
    results.hits = [Hit(d, highlight(d.title, query), snippet(d.body[:SNIPPET_SCAN], query))
                    for d in documents]
    return results


def _page_of(rows: list[WindowRow], page: int) -> list[SearchDocument]:
    """Best score first, the newest first among equals."""
    rows = sorted(rows, key=lambda r: (r.score, r.created_at, r.id), reverse=True)
    ids = [row.id for row in rows[(page - 1) * PER_PAGE:page * PER_PAGE]]
    found = {d.id: d for d in db.session.scalars(
        select(SearchDocument).where(SearchDocument.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def _ranked_page(backend, conditions, page: int) -> list[SearchDocument]:
    stmt = (backend.ranked(conditions, None)
            .order_by(SearchDocument.created_at.desc(), SearchDocument.id.desc())
            .limit(PER_PAGE).offset((page - 1) * PER_PAGE))
    return list(db.session.scalars(stmt))
