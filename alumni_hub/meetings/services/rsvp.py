"""Answers to a meeting (Zusage/Vielleicht/Absage) and the waiting list behind its capacity."""
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import db
from alumni_hub.meetings.models import ANSWERS, YES, Meeting, Rsvp
from alumni_hub.meetings.services import notifying


def _lock(meeting: Meeting) -> None:
    """Serialise answers to one meeting, so two last-place Zusagen cannot both get in.

    PostgreSQL: a row lock on the meeting. SQLite: a no-op write, which takes the
    database's write lock before anything is counted (reads before it hold no snapshot).
    """
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(select(Meeting.id).where(Meeting.id == meeting.id).with_for_update())
    else:
        db.session.execute(update(Meeting).where(Meeting.id == meeting.id)
                           .values(capacity=Meeting.capacity)
                           .execution_options(synchronize_session=False))


def _confirmed_count(meeting_id: int) -> int:
    return db.session.scalar(select(func.count(Rsvp.id)).where(
        Rsvp.meeting_id == meeting_id, Rsvp.answer == YES, Rsvp.waitlist_position.is_(None)))


def _last_position(meeting_id: int) -> int:
    return db.session.scalar(select(func.max(Rsvp.waitlist_position)).where(
        Rsvp.meeting_id == meeting_id)) or 0


def answer(*, meeting: Meeting, user, answer: str, now: datetime) -> Rsvp:
    """Record the user's answer; a Zusage beyond the capacity goes onto the waiting list.

    Whoever gives up a confirmed place makes room for the first on the list.
    """
    if answer not in ANSWERS:
        raise ValidationError(_l("Bitte wähle Zusage, Vielleicht oder Absage."), field="answer")
    if meeting.cancelled:
        raise ValidationError(_l("Dieses Treffen ist abgesagt."), field="answer")
    if meeting.starts_at <= now:
        raise ValidationError(_l("Das Treffen hat schon begonnen; deine Antwort lässt sich "
                                 "nicht mehr ändern."), field="answer")
    _lock(meeting)
    rsvp = db.session.scalar(select(Rsvp).where(Rsvp.meeting_id == meeting.id,
                                                Rsvp.user_id == user.id)
                             .execution_options(populate_existing=True))
    if rsvp is not None and rsvp.answer == answer:
        return rsvp
    was_confirmed = rsvp is not None and rsvp.confirmed
    full = bool(meeting.capacity) and _confirmed_count(meeting.id) >= meeting.capacity
    if rsvp is None:
        rsvp = Rsvp(meeting_id=meeting.id, user_id=user.id)
        db.session.add(rsvp)
    rsvp.answer, rsvp.updated_at, rsvp.waitlist_position = answer, now, None
    if answer == YES and full:
        rsvp.waitlist_position = _last_position(meeting.id) + 1
    db.session.flush()
    if was_confirmed and not rsvp.confirmed:
        promote_waiting(meeting)
    else:
        _renumber(meeting.id)
    return rsvp


def promote_waiting(meeting: Meeting) -> list[Rsvp]:
    """Move people up from the waiting list while there are free places; they are told."""
    if meeting.cancelled:
        return []
    waiting = list(db.session.scalars(
        select(Rsvp).where(Rsvp.meeting_id == meeting.id, Rsvp.answer == YES,
                           Rsvp.waitlist_position.is_not(None))
        .order_by(Rsvp.waitlist_position)))
    if meeting.capacity:
        free = max(meeting.capacity - _confirmed_count(meeting.id), 0)
        waiting = waiting[:free]
    for rsvp in waiting:
        rsvp.waitlist_position = None
        notifying.moved_up(meeting, rsvp.user)
    db.session.flush()
    _renumber(meeting.id)
    return waiting


def _renumber(meeting_id: int) -> None:
    """Close the gaps someone leaving the list leaves, so "Platz 2" means second in line."""
    waiting = db.session.scalars(select(Rsvp).where(
        Rsvp.meeting_id == meeting_id, Rsvp.waitlist_position.is_not(None))
        .order_by(Rsvp.waitlist_position))
    for position, rsvp in enumerate(waiting, start=1):
        rsvp.waitlist_position = position
    db.session.flush()
