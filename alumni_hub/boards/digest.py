"""The boards' part of the daily digest: new tips/discussions and open questions.

Each section loads its candidates once per digest run (one bounded query, see
notifications/sections.py) and picks each reader's items in Python: their own threads,
hidden or deleted openings and archived categories are left out.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.boards.models import KIND_DISCUSSION, KIND_QUESTION, Category, Post, Thread
from alumni_hub.boards.queries import OPEN_QUESTION
from alumni_hub.boards.links import thread_path
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.sections import MAX_WINDOW, DigestItem, register_digest_section

MAX_ITEMS = 5
# Newest candidates loaded per run; enough for any reader's five unless they wrote the rest.
CANDIDATES = 100
# An open question is shown for this long (while new questions keep arriving).
OPEN_QUESTION_DAYS = timedelta(days=14)


@dataclass(frozen=True)
class ThreadRow:
    id: int
    slug: str
    title: str
    author_id: int | None
    author_name: str | None
    category: str
    created_at: datetime


def _load(*, now: datetime, window: timedelta, kind: str, open_only: bool) -> list[ThreadRow]:
    opening = (Post.thread_id == Thread.id) & Post.parent_id.is_(None)
    stmt = (select(Thread.id, Thread.slug, Thread.title, Thread.author_id, User.display_name,
                   Category.name, Thread.created_at)
            .join(Category, Category.id == Thread.category_id)
            .join(Post, opening)
            .outerjoin(User, User.id == Thread.author_id)
            .where(Thread.kind == kind, Thread.created_at >= now - window,
                   Category.archived.is_(False), Post.deleted_at.is_(None),
                   Post.hidden_at.is_(None))
            .order_by(Thread.created_at.desc(), Thread.id.desc()).limit(CANDIDATES))
    if open_only:
        stmt = stmt.where(*OPEN_QUESTION)
    return [ThreadRow(*row) for row in db.session.execute(stmt).all()]


def _item(row: ThreadRow) -> DigestItem:
    url = thread_path(row.id, row.slug)  # no request: the digest runs from cron
    text = _("von %(author)s in „%(category)s“",
             author=row.author_name or _("einem ehemaligen Mitglied"), category=row.category)
    return DigestItem(title=row.title, url=url, text=text, key=f"thread:{row.id}")


def load_new_tips(now: datetime) -> list[ThreadRow]:
    return _load(now=now, window=MAX_WINDOW, kind=KIND_DISCUSSION, open_only=False)


def load_open_questions(now: datetime) -> list[ThreadRow]:
    return _load(now=now, window=OPEN_QUESTION_DAYS, kind=KIND_QUESTION, open_only=True)


@register_digest_section(title=_l("Neue Tipps"), kind=Kind.WATCHED_CATEGORY,
                         prepare=load_new_tips)
def new_tips(user, since: datetime, rows: list[ThreadRow]) -> list[DigestItem]:
    """Discussions and tips started by others since the reader's previous digest."""
    fresh = [r for r in rows if r.created_at > since and r.author_id != user.id]
    return [_item(r) for r in fresh[:MAX_ITEMS]]


@register_digest_section(title=_l("Offene Fragen"), kind=Kind.WATCHED_CATEGORY,
                         prepare=load_open_questions)
def open_questions(user, since: datetime, rows: list[ThreadRow]) -> list[DigestItem]:
    """Others' open questions (no accepted answer yet, see boards.queries), newest first.

    Shown only when at least one of them is new since the previous digest: an old
    unanswered question alone must not send everybody a mail every day.
    """
    others = [r for r in rows if r.author_id != user.id]
    if not any(r.created_at > since for r in others):
        return []
    return [_item(r) for r in others[:MAX_ITEMS]]
