"""Bounded read queries of meetings; the public ones other features (chat) may call."""
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import selectinload

from alumni_hub.accounts.models import User, hash_token
from alumni_hub.extensions import db
from alumni_hub.meetings import access
from alumni_hub.meetings.models import (CANCELLED, NO, AgendaItem, AgendaVote, CalendarToken,
                                        DatePoll, DatePollAnswer, Meeting, Rsvp)

UPCOMING_LIMIT = 12
ARCHIVE_PER_PAGE = 10


def get_meeting(meeting_id: int) -> Meeting:
    """The meeting or core.errors.NotFound (public: the chat calls it)."""
    return access.get_meeting(meeting_id)


def meeting_window(meeting: Meeting) -> tuple[datetime, datetime]:
    """(start, end) in UTC (public)."""
    return meeting.starts_at, meeting.ends_at


def can_moderate(user) -> bool:
    """Whether `user` moderates meetings (public)."""
    return access.can_moderate(user)


def series_starts(series_id: int, now: datetime) -> list[datetime]:
    """Starts (UTC) of the series' future meetings that still follow its rule."""
    return list(db.session.scalars(select(Meeting.starts_at).where(
        Meeting.series_id == series_id, Meeting.starts_at > now, Meeting.status != CANCELLED,
        Meeting.detached.is_(False)).order_by(Meeting.starts_at)))


def upcoming(now: datetime, limit: int = UPCOMING_LIMIT) -> list[Meeting]:
    return list(db.session.scalars(select(Meeting).where(Meeting.ends_at > now)
                                   .order_by(Meeting.starts_at).limit(limit)))


def next_meeting(now: datetime) -> Meeting | None:
    return db.session.scalar(select(Meeting).where(Meeting.ends_at > now,
                                                   Meeting.status != CANCELLED)
                             .order_by(Meeting.starts_at).limit(1))


def next_meeting_with_answer(now: datetime, user) -> tuple[Meeting, Rsvp | None] | None:
    """The next meeting and the user's answer to it, in one query (the start-page card)."""
    row = db.session.execute(
        select(Meeting, Rsvp).outerjoin(Rsvp, and_(Rsvp.meeting_id == Meeting.id,
                                                   Rsvp.user_id == user.id))
        .where(Meeting.ends_at > now, Meeting.status != CANCELLED)
        .order_by(Meeting.starts_at).limit(1)).first()
    return (row[0], row[1]) if row else None


def archive(now: datetime, page: int):
    stmt = select(Meeting).where(Meeting.ends_at <= now, Meeting.status != CANCELLED) \
        .order_by(Meeting.starts_at.desc())
    return db.paginate(stmt, page=page, per_page=ARCHIVE_PER_PAGE, error_out=False)


def answers_of(user, meeting_ids: list[int]) -> dict[int, Rsvp]:
    if not meeting_ids:
        return {}
    return {r.meeting_id: r for r in db.session.scalars(
        select(Rsvp).where(Rsvp.user_id == user.id, Rsvp.meeting_id.in_(meeting_ids)))}


def yes_counts(meeting_ids: list[int]) -> dict[int, int]:
    if not meeting_ids:
        return {}
    rows = db.session.execute(
        select(Rsvp.meeting_id, func.count(Rsvp.id))
        .where(Rsvp.meeting_id.in_(meeting_ids), Rsvp.answer == "yes",
               Rsvp.waitlist_position.is_(None)).group_by(Rsvp.meeting_id))
    return dict(rows.all())


def rsvps(meeting_id: int) -> list[Rsvp]:
    return list(db.session.scalars(
        select(Rsvp).where(Rsvp.meeting_id == meeting_id)
        .options(selectinload(Rsvp.user))
        .order_by(Rsvp.waitlist_position.nulls_first(), Rsvp.updated_at)))


@dataclass(frozen=True)
class Topic:
    item: AgendaItem
    votes: int
    voted: bool


def agenda(meeting_id: int, user) -> list[Topic]:
    """Every topic of the meeting with its votes and whether `user` voted, in three queries."""
    items = list(db.session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
        .options(selectinload(AgendaItem.proposer), selectinload(AgendaItem.presenter))
        .order_by(AgendaItem.position, AgendaItem.created_at, AgendaItem.id)))
    votes = db.session.execute(select(AgendaVote.item_id, AgendaVote.user_id).where(
        AgendaVote.item_id.in_([i.id for i in items]))).all() if items else []
    counts = Counter(item_id for item_id, _ in votes)
    mine = {item_id for item_id, user_id in votes if user_id == user.id}
    return [Topic(i, counts[i.id], i.id in mine) for i in items]


def feed_user(token: str) -> User | None:
    """The active user whose calendar feed this secret opens, else None."""
    return db.session.scalar(
        select(User).join(CalendarToken, CalendarToken.user_id == User.id)
        .where(CalendarToken.token_hash == hash_token(token), User.active.is_(True)))


def has_feed(user) -> bool:
    return db.session.scalar(select(CalendarToken.id).where(
        CalendarToken.user_id == user.id)) is not None


def feed_meetings(user, since: datetime) -> list[Meeting]:
    """Every meeting from `since` on that the user has not declined (cancelled ones too,
    so a calendar app removes them)."""
    declined = select(Rsvp.meeting_id).where(Rsvp.user_id == user.id, Rsvp.answer == NO)
    return list(db.session.scalars(select(Meeting).where(
        Meeting.ends_at > since, Meeting.id.not_in(declined)).order_by(Meeting.starts_at)))


def series_meetings(series_id: int, since: datetime) -> list[Meeting]:
    return list(db.session.scalars(select(Meeting).where(
        Meeting.series_id == series_id, Meeting.ends_at > since).order_by(Meeting.starts_at)))


def open_polls() -> list[DatePoll]:
    return list(db.session.scalars(select(DatePoll).order_by(
        DatePoll.closed_at.is_not(None), DatePoll.created_at.desc()).limit(50)))


def poll_answers(poll: DatePoll) -> list[DatePollAnswer]:
    return list(db.session.scalars(
        select(DatePollAnswer).where(DatePollAnswer.option_id.in_([o.id for o in poll.options]))
        .options(selectinload(DatePollAnswer.user))))
