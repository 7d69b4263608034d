"""Reminders 3 days and 1 hour before, and the one-time "meeting ended" signal (cron)."""
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from alumni_hub.accounts.models import User
from alumni_hub.core.signals import meeting_ended
from alumni_hub.extensions import db
from alumni_hub.meetings.models import (MAYBE, SCHEDULED, YES, Meeting, ReminderSent, Rsvp)
from alumni_hub.meetings.services.notifying import meeting_path
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify

# (kind, how long before the start). A reminder is sent once the start is this close,
# unless the meeting is even closer to the next reminder (no "3 days" mail an hour before).
REMINDERS = (("3d", timedelta(days=3)), ("1h", timedelta(hours=1)))


def _due(now: datetime) -> list[tuple[str, Meeting]]:
    due = []
    for position, (kind, before) in enumerate(REMINDERS):
        later = REMINDERS[position + 1][1] if position + 1 < len(REMINDERS) else timedelta(0)
        meetings = db.session.scalars(select(Meeting).where(
            Meeting.status == SCHEDULED, Meeting.starts_at <= now + before,
            Meeting.starts_at > now + later))
        due.extend((kind, m) for m in meetings)
    return due


def send_reminders(*, now: datetime) -> int:
    """Remind yes/maybe people; each (meeting, person, kind) once, however runs overlap.

    The row in meeting_reminders_sent is written in a savepoint before notifying: a second
    run that got there too fails on the unique key and skips that person.
    """
    sent = 0
    for kind, meeting in _due(now):
        people = db.session.scalars(
            select(User).join(Rsvp, Rsvp.user_id == User.id)
            .where(Rsvp.meeting_id == meeting.id, Rsvp.answer.in_((YES, MAYBE))))
        for user in people:
            try:
                with db.session.begin_nested():
                    db.session.add(ReminderSent(meeting_id=meeting.id, user_id=user.id,
                                                kind=kind, sent_at=now))
            except IntegrityError:
                continue
            notify(kind=Kind.MEETING_REMINDER, recipients=[user], url=meeting_path(meeting),
                   params={"title": meeting.title})
            sent += 1
    return sent


def claim_ended(*, now: datetime) -> list[tuple[Meeting, list[int]]]:
    """Meetings over since the last run, each claimed once by a conditional update."""
    claimed = []
    candidates = db.session.scalars(select(Meeting).where(
        Meeting.status == SCHEDULED, Meeting.ends_at <= now, Meeting.ended_handled_at.is_(None)))
    for meeting in list(candidates):
        won = db.session.execute(
            update(Meeting).where(Meeting.id == meeting.id, Meeting.ended_handled_at.is_(None))
            .values(ended_handled_at=now).execution_options(synchronize_session=False))
        if won.rowcount:
            attendees = list(db.session.scalars(select(Rsvp.user_id).where(
                Rsvp.meeting_id == meeting.id, Rsvp.answer == YES,
                Rsvp.waitlist_position.is_(None)).order_by(Rsvp.user_id)))
            claimed.append((meeting, attendees))
    return claimed


def announce_ended(app, claimed: list[tuple[Meeting, list[int]]]) -> None:
    """Send meeting_ended after the claim is committed, so listeners see a settled state."""
    for meeting, attendees in claimed:
        meeting_ended.send(app, meeting_id=meeting.id, series_id=meeting.series_id,
                           attendee_ids=attendees)
