"""Search providers: what a feature makes searchable, and who may see it.

A feature registers one provider per searchable model in its receivers.py; search never
imports a feature. Example (boards)::

    register_search_provider(SearchProvider(
        source="post", kind="forum", label=_l("Forum"), model=Post,
        load=lambda ids: posts_with_thread(ids),          # objects for these ids, eager
        document=post_document,                           # object -> Document | None
        dated_ids=lambda: select(Post.id, Post.created_at),  # for `flask search-reindex`
        related=(Related(Thread, ("title", "category_id"),
                         lambda thread: select(Post.id).where(Post.thread_id == thread.id)),)))

- `dated_ids()` selects (id, date) of every object, the date being the one its Document's
  `created_at` shows: a rebuild numbers index rows oldest first across all providers.
- `categories()` lists (key, label) for the result page's category filter; a Document's
  `category` is one of those keys. `location` is where the thing lives (a board's name,
  an organisation), shown after the translated kind label.
- `document(obj)` returns None when the object must not be found at all (a deleted post,
  an unlisted profile): its index row is removed. Otherwise a Document with plain text
  (never HTML), the url of the object's page, and who may see it: visibility MEMBERS
  (everyone logged in) or MODERATORS (hidden posts, deleted pages); `audience` narrows a
  document to the members a provider's `audiences(user)` names (e.g. "buddy-pair:7",
  "chat-room:3"), evaluated once per search.
- Changes are indexed in the same transaction as the write: search watches `model` and
  the `related` models in the SQLAlchemy session (search/indexing.py). A related entry
  names the attributes that matter, so a reply bumping thread.last_post_at costs nothing.
  Writes that bypass the ORM (bulk update()/delete()) are not seen: call
  indexing.refresh(source, ids) after them.
"""
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select

from alumni_hub.search.models import MEMBERS


@dataclass(frozen=True)
class Document:
    title: str
    body: str
    url: str
    created_at: datetime
    location: str = ""
    author_id: int | None = None
    author_name: str = ""
    category: str = ""
    category_label: str = ""
    visibility: str = MEMBERS
    audience: str | None = None
    index_title: bool = True  # False: the title is shown, but only the body is searched


@dataclass(frozen=True)
class Related:
    """Another model whose change (in one of `fields`; all when empty) changes documents."""

    model: type
    fields: tuple[str, ...]
    ids: Callable[[object], Select]


@dataclass(frozen=True)
class SearchProvider:
    source: str
    kind: str
    label: object
    model: type
    load: Callable[[list[int]], Iterable[object]]
    document: Callable[[object], Document | None]
    dated_ids: Callable[[], Select]
    related: tuple[Related, ...] = ()
    audiences: Callable[[object], Iterable[str]] | None = None
    categories: Callable[[], list[tuple[str, str]]] | None = None
    order: int = 100
    fields: tuple[str, ...] = ()


_providers: dict[str, SearchProvider] = {}


def register_search_provider(provider: SearchProvider) -> None:
    """Add (or, on re-import, replace) a provider; `source` names its index rows."""
    _providers[provider.source] = provider


def providers() -> list[SearchProvider]:
    return sorted(_providers.values(), key=lambda p: (p.order, p.source))


def get_provider(source: str) -> SearchProvider | None:
    return _providers.get(source)


def kinds() -> list[tuple[str, object]]:
    """The result tabs: each kind once, in provider order."""
    seen: dict[str, object] = {}
    for provider in providers():
        seen.setdefault(provider.kind, provider.label)
    return list(seen.items())


_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def plain_text(safe_html: str | None) -> str:
    """The text of stored, sanitized HTML, with tags as word breaks: what gets indexed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", safe_html or ""))).strip()
