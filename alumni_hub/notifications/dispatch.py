"""After a commit: push the new unread count to the user's sockets; after the answer: send
"right away" mail.

notify() and the read/unread services only record which users were touched (in
session.info); nothing leaves the process before the transaction is committed, so a
rolled-back action never rings a bell or sends a mail.
"""
import logging
from functools import partial

from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.core.deferred import after_context, after_response
from alumni_hub.core.realtime import user_room
from alumni_hub.extensions import db, socketio
from alumni_hub.notifications.emails import send_notification_email
from alumni_hub.notifications.models import EmailStatus, Notification
from alumni_hub.notifications.services import TOUCHED_USERS

log = logging.getLogger(__name__)
UNREAD_EVENT = "notifications:unread"


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    user_ids = session.info.pop(TOUCHED_USERS, None)
    if user_ids:
        # Not now: the committing request still holds its connection, and a second one per
        # request exhausts the pool under load (issue 13, High 4). After the request, the
        # same session takes its connection from the pool again. The badge goes out with
        # the answer; the mails only after it, so nobody waits for the SMTP server.
        user_ids = sorted(user_ids)
        after_context(partial(_push_counts, user_ids))
        after_response(partial(_send_mails, user_ids))


def _push_counts(user_ids: list[int]) -> None:
    try:
        emit_unread_counts(user_ids)
    except Exception:  # the action itself is committed; the next page shows the count
        db.session.rollback()
        log.exception("Pushing unread counts to users %s failed", user_ids)


def _send_mails(user_ids: list[int]) -> None:
    try:
        send_pending_emails(user_ids)
    except Exception:  # the action itself is committed; mail is retried by the digest
        db.session.rollback()
        log.exception("Emailing notifications to users %s failed", user_ids)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(TOUCHED_USERS, None)


def unread_counts(user_ids: list[int]) -> dict[int, int]:
    rows = db.session.execute(
        select(Notification.user_id, func.count(Notification.id))
        .where(Notification.user_id.in_(user_ids), Notification.read_at.is_(None))
        .group_by(Notification.user_id))
    counts = dict.fromkeys(user_ids, 0)
    counts.update(dict(rows.all()))
    return counts


def emit_unread_counts(user_ids: list[int]) -> None:
    """Each user's connections (their room only) receive their own new count."""
    for user_id, count in unread_counts(user_ids).items():
        socketio.emit(UNREAD_EVENT, {"count": count}, to=user_room(user_id))


def send_pending_emails(user_ids: list[int]) -> int:
    """Email every pending notification of these users once; returns how many were sent.

    Each row is claimed (pending → sent) and committed before its mail goes out, so two
    processes never send the same one; if sending fails it goes back to pending and the
    next digest picks it up.
    """
    notes = db.session.scalars(
        select(Notification).where(Notification.user_id.in_(user_ids),
                                   Notification.email_status == EmailStatus.PENDING.value)
        .order_by(Notification.id)).all()
    users = {u.id: u for u in db.session.scalars(
        select(User).where(User.id.in_({n.user_id for n in notes})))} if notes else {}
    sent = 0
    for note in notes:
        if _claim(note.id):
            _send_one(note, users[note.user_id])
            sent += 1
    return sent


def _claim(note_id: int) -> bool:
    result = db.session.execute(
        update(Notification)
        .where(Notification.id == note_id,
               Notification.email_status == EmailStatus.PENDING.value)
        .values(email_status=EmailStatus.SENT.value, emailed_at=utcnow()))
    db.session.commit()
    return result.rowcount == 1


def _send_one(note: Notification, user: User) -> None:
    try:
        send_notification_email(note, user)
        db.session.commit()  # the outbox row, when there is no SMTP server
    except Exception:
        db.session.rollback()
        db.session.execute(update(Notification).where(Notification.id == note.id)
                           .values(email_status=EmailStatus.PENDING.value, emailed_at=None))
        db.session.commit()
        log.exception("Could not email notification %s", note.id)

