"""Running a search for one member: visible documents only, ranked, filtered, one page."""
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, or_

from alumni_hub.extensions import db
from alumni_hub.search import syntax
from alumni_hub.search.backends import backend_for
from alumni_hub.search.models import MEMBERS, MODERATORS, SearchDocument
from alumni_hub.search.providers import providers
from alumni_hub.search.snippets import highlight, snippet

PER_PAGE = 20
MAX_PAGE = 50
RANK_WINDOW = 2000  # newest matches ranked for a very common word (see backends.py)
COUNT_CAP = 1000
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
    capped: bool = False  # more than COUNT_CAP matches: counts are not shown

    @property
    def pages(self) -> int:
        if self.capped:
            return min(MAX_PAGE, RANK_WINDOW // PER_PAGE)
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
    return sum(ok for _kind, ok in backend.counted([visible(user)], 1))


def _count(results: Results, backend, conditions: list, kind: str) -> None:
    rows = backend.counted(conditions, COUNT_CAP + 1)
    results.capped = len(rows) > COUNT_CAP
    results.counts = dict(Counter(k for k, ok in rows if ok))
    results.total = results.counts.get(kind, 0) if kind else sum(results.counts.values())


def search(user, params: SearchParams) -> Results:
    """One page of results: the counts (up to a cap), then the ranked page."""
    query = syntax.parse(params.text)
    results = Results(query)
    if query.empty:
        return results
    backend = backend_for(db.session, query)
    conditions = [visible(user), *_filters(params)]
    _count(results, backend, conditions, params.kind)
    if params.kind:
        conditions.append(SearchDocument.kind == params.kind)
    if not results.total and not results.capped:
        return results
    page = min(max(params.page, 1), MAX_PAGE)
    documents = _page(backend, conditions, page, RANK_WINDOW)
    if len(documents) < min(PER_PAGE, RANK_WINDOW) and results.capped:
        # The window of newest matches held too few that pass the filters: rank them all.
        documents = _page(backend, conditions, page, None)
    results.hits = [Hit(d, highlight(d.title, query), snippet(d.body[:SNIPPET_SCAN], query))
                    for d in documents]
    return results


def _page(backend, conditions, page: int, window: int | None) -> list[SearchDocument]:
    stmt = (backend.ranked(conditions, window)
            .order_by(SearchDocument.created_at.desc(), SearchDocument.id.desc())
            .limit(PER_PAGE).offset((page - 1) * PER_PAGE))
    return list(db.session.scalars(stmt))
