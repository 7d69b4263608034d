"""Read queries of the boards, each a fixed number of SQL statements however much data exists."""
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import defer, joinedload, selectinload

from alumni_hub.boards import tree
from alumni_hub.boards.services import read_positions as reading
from alumni_hub.boards.access import can_see
from alumni_hub.boards.models import KIND_QUESTION, Category, Post, Thread
from alumni_hub.boards.services.reactions import reaction_summary
from alumni_hub.boards.services.watching import watches_thread
from alumni_hub.extensions import db


@dataclass
class ThreadPage:
    thread: Thread
    opening: Post | None
    accepted: Post | None
    nodes: list          # tree.Node roots (or the flat list) of the replies
    by_id: dict
    reactions: dict
    first_unread_id: int | None
    watching: bool
    hidden_ids: set = field(default_factory=set)
    plan: list = field(default_factory=list)    # tree.layout of nodes, for the template
    times: dict = field(default_factory=dict)   # post id -> short local time, set for display


def load_posts(thread_id: int) -> list[Post]:
    """All posts of a thread with their authors: one query (the Markdown source is not needed)."""
    return list(db.session.scalars(select(Post).options(joinedload(Post.author),
                                                        defer(Post.body_md))
                                   .where(Post.thread_id == thread_id).order_by(Post.id)))


def thread_page(*, thread_id: int, user, flat: bool = False) -> ThreadPage | None:
    """Everything the thread page shows, then the reader's position moves to the last post."""
    thread = db.session.scalar(select(Thread).options(
        joinedload(Thread.category), joinedload(Thread.author), selectinload(Thread.topics))
        .where(Thread.id == thread_id))
    if thread is None:
        return None
    posts = load_posts(thread.id)
    by_id = {p.id: p for p in posts}
    opening = next((p for p in posts if p.parent_id is None), None)
    replies = [p for p in posts if p is not opening]
    last_read = reading.read_position(user_id=user.id, thread_id=thread.id)
    unread = [p.id for p in replies if p.id > last_read and p.author_id != user.id]
    page = ThreadPage(
        thread=thread, opening=opening, accepted=by_id.get(thread.accepted_post_id),
        nodes=tree.chronological(replies) if flat else _reply_tree(replies, opening),
        by_id=by_id, reactions=reaction_summary(thread_id=thread.id, user_id=user.id),
        first_unread_id=unread[0] if unread and last_read else None,
        watching=watches_thread(user=user, thread_id=thread.id),
        hidden_ids={p.id for p in posts if not can_see(user, p)})
    if not flat:
        page.plan = tree.layout(page.nodes)
    if posts and posts[-1].id > last_read:
        reading.mark_read(user_id=user.id, thread_id=thread.id, post_id=posts[-1].id)
    return page


def _reply_tree(replies: list[Post], opening: Post | None) -> list:
    # Replies to the opening post are the top level of the tree shown under it.
    max_depth = current_app.config.get("BOARDS_MAX_DEPTH", tree.MAX_DEPTH)
    roots = tree.build_tree([_Row(p, opening) for p in replies], max_depth=max_depth - 1)
    for node in tree.flatten(roots):
        node.item = node.item.post
        node.depth += 1
        if node.reply_to is not None:
            node.reply_to = node.reply_to.post
    return roots


class _Row:
    """A reply as the tree builder sees it: parent None when it answers the opening post."""

    __slots__ = ("id", "parent_id", "post")

    def __init__(self, post: Post, opening: Post | None):
        self.id, self.post = post.id, post
        self.parent_id = None if opening is not None and post.parent_id == opening.id else \
            post.parent_id


def thread_list(*, stmt, page: int, per_page: int, user):
    """A page of threads (pinned first, then by last activity) with unread marks."""
    stmt = stmt.options(joinedload(Thread.author), joinedload(Thread.last_post_author)) \
        .order_by(Thread.pinned.desc(), Thread.last_post_at.desc(), Thread.id.desc())
    pagination = db.paginate(stmt, page=page, per_page=per_page, error_out=False)
    return pagination, unread_thread_ids(user_id=user.id, threads=pagination.items)


def category_threads(category: Category, *, only_open: bool = False):
    stmt = select(Thread).where(Thread.category_id == category.id)
    return stmt.where(*OPEN_QUESTION) if only_open else stmt


# THE definition of an open question, used by the list of open questions, the start page
# and the digest: a question stays open until a reply is marked as the accepted answer,
# however many replies it has (a reply is not yet a solution).
OPEN_QUESTION = (Thread.kind == KIND_QUESTION, Thread.accepted_post_id.is_(None))

LATEST_THREADS = 6
OPEN_QUESTIONS_ON_START_PAGE = 5


def unanswered_questions():
    return select(Thread).options(joinedload(Thread.category)).where(*OPEN_QUESTION)


def _current_threads():
    # Threads of archived categories are history, not news.
    return select(Thread).join(Thread.category).where(Category.archived.is_(False)) \
        .options(joinedload(Thread.category), joinedload(Thread.last_post_author))


def latest_threads(limit: int = LATEST_THREADS) -> list[Thread]:
    stmt = _current_threads().order_by(Thread.last_post_at.desc(), Thread.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def open_questions(limit: int = OPEN_QUESTIONS_ON_START_PAGE) -> list[Thread]:
    """Open questions with the fewest replies first: those need help most."""
    stmt = _current_threads().where(*OPEN_QUESTION) \
        .order_by(Thread.reply_count, Thread.created_at.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def unread_thread_ids(*, user_id: int, threads: list[Thread]) -> set[int]:
    """Those of `threads` with posts newer than the user's last visit (one query)."""
    reads = reading.read_times(user_id=user_id, thread_ids=[t.id for t in threads])
    return {t.id for t in threads if reads.get(t.id) is None or reads[t.id] < t.last_post_at}
