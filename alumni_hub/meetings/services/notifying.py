"""Who hears about what happens to a meeting, through notifications.services.notify."""
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.meetings.models import MAYBE, YES, Meeting, Rsvp
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify


def meeting_path(meeting: Meeting) -> str:
    return site_path("meetings.view_meeting", meeting_id=meeting.id)


def attending(meeting: Meeting) -> list[User]:
    """Everyone who said yes (also waiting) or maybe."""
    return list(db.session.scalars(
        select(User).join(Rsvp, Rsvp.user_id == User.id)
        .where(Rsvp.meeting_id == meeting.id, Rsvp.answer.in_((YES, MAYBE)))))


def scheduled(meeting: Meeting, *, actor, recipients=None) -> None:
    """A new meeting: everybody (or the given people, e.g. a poll's answerers) hears of it."""
    if recipients is None:
        recipients = db.session.scalars(select(User).where(User.active.is_(True)))
    notify(kind=Kind.MEETING_SCHEDULED, recipients=recipients, url=meeting_path(meeting),
           actor=actor, params={"title": meeting.title}, group_key=f"meeting:{meeting.id}")


def changed(meeting: Meeting, *, actor) -> None:
    notify(kind=Kind.MEETING_CHANGED, recipients=attending(meeting), url=meeting_path(meeting),
           actor=actor, params={"title": meeting.title}, group_key=f"meeting:{meeting.id}")


def moved_up(meeting: Meeting, user: User) -> None:
    notify(kind=Kind.MEETING_WAITLIST, recipients=[user], url=meeting_path(meeting),
           params={"title": meeting.title})
