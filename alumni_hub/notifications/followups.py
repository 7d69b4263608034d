"""Follow-ups of "right away" mail: one combined mail per user once the group window passed.

notify() emails the first notification about a thing right away and marks further ones
about the same thing within GROUP_WINDOW as `grouped`. `flask send-pending` (every few
minutes; `flask send-digests` runs it too) mails them together, and retries right-away
mails whose sending failed. It never touches the digest, so users who chose no digest
still hear about the follow-ups, in a mail that says why they get it.
"""
import logging
from datetime import datetime

from sqlalchemy import or_, select, update

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications.digest import group_notes
from alumni_hub.notifications.emails import send_followup_email, send_notification_email
from alumni_hub.notifications.models import EmailStatus, Notification
from alumni_hub.notifications.services import GROUP_WINDOW

log = logging.getLogger(__name__)
MAX_NOTES = 100


def _waiting(now: datetime):
    # Grouped follow-ups, and right-away mails still pending after the window (sending failed).
    return or_(Notification.email_status == EmailStatus.GROUPED.value,
               (Notification.email_status == EmailStatus.PENDING.value)
               & (Notification.created_at < now - GROUP_WINDOW))


def send_followups(*, now: datetime | None = None) -> dict[str, int]:
    """Mail every user whose follow-ups are due; returns counts by outcome."""
    now = now or utcnow()
    due = (Notification.created_at < now - GROUP_WINDOW) & Notification.email_status.in_(
        [EmailStatus.GROUPED.value, EmailStatus.PENDING.value])
    user_ids = db.session.scalars(
        select(Notification.user_id).join(User, User.id == Notification.user_id)
        .where(due, User.active.is_(True)).distinct().order_by(Notification.user_id)).all()
    outcomes: dict[str, int] = {}
    for user_id in user_ids:
        outcome = _send_for(user_id, now)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


def _send_for(user_id: int, now: datetime) -> str:
    """Claim the user's waiting rows (committed) before mailing, so no process sends twice."""
    user = db.session.get(User, user_id)
    notes = db.session.scalars(
        select(Notification).where(Notification.user_id == user_id, _waiting(now))
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(MAX_NOTES)).all()
    claimed = []
    for note in notes:
        # Read in the app meanwhile: nothing to mail any more.
        target = EmailStatus.SENT if note.read_at is None else EmailStatus.NONE
        result = db.session.execute(update(Notification).where(
            Notification.id == note.id, Notification.email_status == note.email_status,
        ).values(email_status=target.value, emailed_at=now if note.read_at is None else None))
        if result.rowcount == 1 and note.read_at is None:
            claimed.append(note)
    db.session.commit()
    if not claimed:
        return "empty"
    try:
        if len(claimed) == 1:
            send_notification_email(claimed[0], user)
        else:
            send_followup_email(user, groups=group_notes(claimed))
        db.session.commit()  # the outbox row, when there is no SMTP server
    except Exception:
        db.session.rollback()
        db.session.execute(update(Notification).where(
            Notification.id.in_([n.id for n in claimed])).values(
            email_status=EmailStatus.PENDING.value, emailed_at=None))
        db.session.commit()
        log.exception("Follow-up mail for user %s failed; the next run retries it", user_id)
        return "failed"
    return "sent"
