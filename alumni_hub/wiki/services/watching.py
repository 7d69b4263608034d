"""Watching pages, and telling watchers about a new revision (through notifications)."""
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify
from alumni_hub.wiki.models import Page, PageWatch


def is_watching(*, page: Page, user) -> bool:
    return db.session.scalar(select(PageWatch.id).where(
        PageWatch.page_id == page.id, PageWatch.user_id == user.id)) is not None


def watch(*, page: Page, user) -> None:
    if not is_watching(page=page, user=user):
        db.session.add(PageWatch(page_id=page.id, user_id=user.id))


def unwatch(*, page: Page, user) -> None:
    watch_row = db.session.scalar(select(PageWatch).where(
        PageWatch.page_id == page.id, PageWatch.user_id == user.id))
    if watch_row is not None:
        db.session.delete(watch_row)


def notify_watchers(*, page: Page, actor, url: str) -> None:
    """One notification per watcher (not the actor); `url` shows the change as a diff."""
    watches = db.session.scalars(select(PageWatch).where(PageWatch.page_id == page.id)
                                 .options(joinedload(PageWatch.user))).all()
    notify(kind=Kind.WIKI_CHANGED, recipients=[w.user for w in watches], url=url, actor=actor,
           params={"title": page.title}, group_key=f"wiki:{page.id}")
