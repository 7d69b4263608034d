"""notify(): the one call through which every feature tells people that something happened."""
from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import func, select, update

from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Delivery, Kind
from alumni_hub.notifications.models import EmailStatus, Notification
from alumni_hub.notifications.preferences import deliveries_for

# Several notifications about the same thing within this window make one email, not many.
GROUP_WINDOW = timedelta(minutes=10)
# session.info key: users whose unread count changed in this transaction (see dispatch.py).
TOUCHED_USERS = "notifications_touched_users"


def touch_users(user_ids: Iterable[int]) -> None:
    """Remember users whose badge (and pending mails) to update after the next commit."""
    db.session.info.setdefault(TOUCHED_USERS, set()).update(user_ids)


def notify(*, kind: Kind, recipients: Iterable, url: str, actor=None, params: dict | None = None,
           group_key: str | None = None) -> list[Notification]:
    """Tell each recipient (User objects) about one event.

    The actor is never notified of their own action, each recipient at most once, and
    deactivated accounts and people who switched this kind off not at all. `url` is the
    exact place (post anchor, diff, meeting); `params` fill the kind's sentence (see
    kinds.TEXTS), e.g. {"title": ..., "actor": ...}. The caller commits; after the commit
    the badges update live and "right away" emails go out (dispatch.py).
    """
    kind = Kind(kind)
    params = dict(params or {})
    if actor is not None:
        params.setdefault("actor", actor.display_name)
    users = _eligible(recipients, actor)
    deliveries = deliveries_for(kind=kind, user_ids=[u.id for u in users])
    users = [u for u in users if deliveries[u.id] != Delivery.OFF]
    folded = _recently_emailed(group_key, [u.id for u in users
                                          if deliveries[u.id] == Delivery.IMMEDIATE])
    created = []
    for user in users:
        status = _email_status(deliveries[user.id], folded=user.id in folded)
        note = Notification(user_id=user.id, kind=kind.value, url=url, params=params,
                            actor_id=actor.id if actor else None, group_key=group_key,
                            email_status=status.value)
        db.session.add(note)
        created.append(note)
    touch_users(u.id for u in users)
    return created


def _eligible(recipients: Iterable, actor) -> list:
    seen: set[int] = set()
    users = []
    for user in recipients:
        if user is None or user.id in seen or not user.active:
            continue
        seen.add(user.id)
        if actor is not None and user.id == actor.id:
            continue
        users.append(user)
    return users


def _email_status(delivery: Delivery, *, folded: bool) -> EmailStatus:
    if delivery == Delivery.IMMEDIATE:
        # The first mail about this thing went out minutes ago; the rest waits for one
        # combined mail after the window (followups.py) — not for the digest, which this
        # user may not get at all.
        return EmailStatus.GROUPED if folded else EmailStatus.PENDING
    if delivery == Delivery.DIGEST:
        return EmailStatus.DIGEST
    return EmailStatus.NONE


def _recently_emailed(group_key: str | None, user_ids: list[int]) -> set[int]:
    """Users who were (or are about to be) emailed about `group_key` within the window."""
    if not group_key or not user_ids:
        return set()
    rows = db.session.scalars(
        select(Notification.user_id).where(
            Notification.user_id.in_(user_ids), Notification.group_key == group_key,
            Notification.email_status.in_([EmailStatus.PENDING.value, EmailStatus.SENT.value]),
            Notification.created_at >= utcnow() - GROUP_WINDOW))
    return set(rows)


def unread_count(*, user_id: int) -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))) or 0


def inbox_query(*, user_id: int):
    return (select(Notification).where(Notification.user_id == user_id)
            .order_by(Notification.created_at.desc(), Notification.id.desc()))


def mark_read(*, note: Notification) -> None:
    if note.read_at is None:
        note.read_at = utcnow()
        touch_users([note.user_id])


def mark_group_read(*, note: Notification) -> None:
    """The note and the older unread ones of its kind about the same thing (a digest line)."""
    if note.group_key is None:
        mark_read(note=note)
        return
    db.session.execute(update(Notification).where(
        Notification.user_id == note.user_id, Notification.kind == note.kind,
        Notification.group_key == note.group_key, Notification.id <= note.id,
        Notification.read_at.is_(None)).values(read_at=utcnow()))
    touch_users([note.user_id])


def mark_all_read(*, user_id: int) -> int:
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow()))
    touch_users([user_id])
    return result.rowcount
