"""Demo content: the demo logins find notifications about real demo posts and wiki changes.

Each one points at the exact post or diff it speaks of, as a live notification would.
Meetings and buddies do not exist yet, so there are no demo notifications of their kinds.
"""
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import aliased, joinedload

from alumni_hub.boards.models import Post
from alumni_hub.boards.services.post_notices import post_url
from alumni_hub.core.db import utcnow
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.models import Notification
from alumni_hub.wiki.models import Revision

# The newest few are unread, so the badge and the inbox show both states.
UNREAD = 2


def _replies_to(user_id: int) -> list[Post]:
    parent = aliased(Post)
    return list(db.session.scalars(
        select(Post).join(parent, Post.parent_id == parent.id)
        .where(parent.author_id == user_id, Post.author_id != user_id)
        .options(joinedload(Post.thread), joinedload(Post.author))
        .order_by(Post.created_at.desc()).limit(3)))


def _wiki_changes(user_id: int) -> list[Revision]:
    return list(db.session.scalars(
        select(Revision).where(Revision.number > 1, Revision.author_id != user_id)
        .options(joinedload(Revision.page), joinedload(Revision.author))
        .order_by(Revision.created_at.desc()).limit(2)))


def _diff_path(revision: Revision) -> str:
    return site_path("wiki.compare_revisions", slug=revision.page.slug,
                     von=revision.number - 1, bis=revision.number)


def _examples(user) -> list[tuple]:
    """(kind, actor, url, title, when) about content that really concerns `user`."""
    found = [(Kind.REPLY, p.author, post_url(p, p.thread), p.thread.title, p.created_at)
             for p in _replies_to(user.id)]
    found += [(Kind.WIKI_CHANGED, r.author, _diff_path(r), r.page.title, r.created_at)
              for r in _wiki_changes(user.id)]
    return sorted(found, key=lambda item: item[-1], reverse=True)


def seed(ctx: dict) -> None:
    # Written directly (not via notify()) so that seeding sends no demo emails.
    db.session.flush()
    now = utcnow()
    for recipient in ctx["users"][:3]:
        for index, (kind, actor, url, title, when) in enumerate(_examples(recipient)):
            created = min(when, now)
            db.session.add(Notification(
                user_id=recipient.id, kind=kind.value, actor_id=actor.id if actor else None,
                url=url, params={"title": title, "actor": actor.display_name if actor else ""},
                group_key=f"demo:{kind.value}:{url}", created_at=created,
                read_at=None if index < UNREAD else created + timedelta(hours=1)))
