"""Running a search for one member: visible documents only, ranked, filtered, one page."""
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, or_, select

from alumni_hub.extensions import db
from alumni_hub.search import syntax
from alumni_hub.search.backends import backend_for
from alumni_hub.search.models import MEMBERS, MODERATORS, SearchDocument
from alumni_hub.search.providers import providers
from alumni_hub.search.snippets import highlight, snippet

PER_PAGE = 20
MAX_PAGE = 50


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

    @property
    def pages(self) -> int:
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
    stmt = backend.matching(select(func.count(SearchDocument.id))).where(visible(user))
    return db.session.scalar(stmt) or 0


def search(user, params: SearchParams) -> Results:
    """One page of results (two queries: counts per kind, then the ranked page)."""
    query = syntax.parse(params.text)
    results = Results(query)
    if query.empty:
        return results
    backend = backend_for(db.session, query)
    conditions = [visible(user), *_filters(params)]
    per_kind = backend.matching(select(SearchDocument.kind, func.count(SearchDocument.id)))
    results.counts = dict(db.session.execute(
        per_kind.where(*conditions).group_by(SearchDocument.kind)).all())
    if params.kind:
        conditions.append(SearchDocument.kind == params.kind)
    results.total = (results.counts.get(params.kind, 0) if params.kind
                     else sum(results.counts.values()))
    if not results.total:
        return results
    page = min(max(params.page, 1), MAX_PAGE)
    stmt = (backend.matching(select(SearchDocument)).where(*conditions)
            .order_by(backend.score(), SearchDocument.created_at.desc(), SearchDocument.id.desc())
            .limit(PER_PAGE).offset((page - 1) * PER_PAGE))
    for document in db.session.scalars(stmt):
        results.hits.append(Hit(document, highlight(document.title, query),
                                snippet(document.body, query)))
    return results
