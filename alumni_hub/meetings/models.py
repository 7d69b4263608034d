"""Meeting series, meetings, RSVPs, agenda topics and votes, date polls, reminders, feed tokens."""
from datetime import date, datetime, time

from sqlalchemy import (Boolean, Date, ForeignKey, Integer, String, Text, Time,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from alumni_hub.accounts.models import User
from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db

ONLINE, IN_PERSON, HYBRID = "online", "in_person", "hybrid"
FORMATS = (ONLINE, IN_PERSON, HYBRID)
SCHEDULED, CANCELLED = "scheduled", "cancelled"
YES, MAYBE, NO = "yes", "maybe", "no"
ANSWERS = (YES, MAYBE, NO)
# Agenda topic states; "moved" topics live on in the next meeting of their series.
PROPOSED, ACCEPTED, REJECTED, DISCUSSED = "proposed", "accepted", "rejected", "discussed"
TOPIC_STATES = (PROPOSED, ACCEPTED, REJECTED, DISCUSSED)
POLL_YES, POLL_IFNEEDBE, POLL_NO = "yes", "ifneedbe", "no"
POLL_ANSWERS = (POLL_YES, POLL_IFNEEDBE, POLL_NO)


class _Place:
    """Columns every schedulable thing shares: format, link, venue, capacity, description."""

    format: Mapped[str] = mapped_column(String(20), default=ONLINE)
    video_url: Mapped[str] = mapped_column(String(500), default="")
    venue: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    capacity: Mapped[int | None] = mapped_column(Integer)
    description_md: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")


class MeetingSeries(_Place, db.Model):
    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    interval_months: Mapped[int] = mapped_column(Integer, default=2)
    # "weekday": the nth (1..5, or -1 for the last) weekday of the month; "day": a fixed day.
    day_rule: Mapped[str] = mapped_column(String(10), default="weekday")
    week_of_month: Mapped[int] = mapped_column(Integer, default=2)
    weekday: Mapped[int] = mapped_column(Integer, default=1)
    day_of_month: Mapped[int] = mapped_column(Integer, default=1)
    start_time: Mapped[time] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=90)
    first_day: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Meeting(_Place, db.Model):
    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("series_id", "occurrence_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(100), unique=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True)
    # The month a series meeting belongs to (year * 12 + month - 1): its identity within
    # the series, kept when it is moved, so a rule change retimes it instead of replacing it.
    occurrence_key: Mapped[int | None] = mapped_column(Integer)
    # Moved or edited on its own: series edits no longer retime or cancel it.
    detached: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default=SCHEDULED)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set once, by the first `flask send-reminders` run after the end (meeting_ended sent).
    ended_handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recap_attendees: Mapped[str] = mapped_column(Text, default="")
    recap_md: Mapped[str] = mapped_column(Text, default="")
    recap_html: Mapped[str] = mapped_column(Text, default="")
    recap_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recap_thread_id: Mapped[int | None] = mapped_column(Integer)

    series: Mapped[MeetingSeries | None] = relationship()

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED


class Rsvp(db.Model):
    __tablename__ = "meeting_rsvps"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"),
                                            index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    answer: Mapped[str] = mapped_column(String(10))
    # Set while a "yes" waits for a free place: 1 is next to move up.
    waitlist_position: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()

    @property
    def confirmed(self) -> bool:
        return self.answer == YES and self.waitlist_position is None


class AgendaItem(db.Model):
    __tablename__ = "meeting_agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"),
                                            index=True)
    proposer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    description_md: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=PROPOSED)
    position: Mapped[int] = mapped_column(Integer, default=0)
    slot_minutes: Mapped[int | None] = mapped_column(Integer)
    # What was discussed, written into the recap; a recap item can become a wiki tip.
    notes_md: Mapped[str] = mapped_column(Text, default="")
    notes_html: Mapped[str] = mapped_column(Text, default="")
    thread_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    meeting: Mapped[Meeting] = relationship()
    proposer: Mapped[User | None] = relationship(foreign_keys=[proposer_id])
    presenter: Mapped[User | None] = relationship(foreign_keys=[presenter_id])


class AgendaVote(db.Model):
    __tablename__ = "meeting_agenda_votes"
    __table_args__ = (UniqueConstraint("item_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("meeting_agenda_items.id",
                                                    ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))


class DatePoll(_Place, db.Model):
    __tablename__ = "meeting_date_polls"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    duration_minutes: Mapped[int] = mapped_column(Integer, default=120)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id",
                                                                 ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id",
                                                              ondelete="SET NULL"))

    options: Mapped[list["DatePollOption"]] = relationship(
        order_by="DatePollOption.starts_at", cascade="all, delete-orphan")


class DatePollOption(db.Model):
    __tablename__ = "meeting_date_poll_options"

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("meeting_date_polls.id",
                                                    ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DatePollAnswer(db.Model):
    __tablename__ = "meeting_date_poll_answers"
    __table_args__ = (UniqueConstraint("option_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    option_id: Mapped[int] = mapped_column(ForeignKey("meeting_date_poll_options.id",
                                                      ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    answer: Mapped[str] = mapped_column(String(10))

    user: Mapped[User] = relationship()


class ReminderSent(db.Model):
    """One row per reminder sent; the unique key makes overlapping cron runs send once."""

    __tablename__ = "meeting_reminders_sent"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CalendarToken(db.Model):
    """The secret of a user's calendar feed, stored hashed; renewing replaces it."""

    __tablename__ = "meeting_calendar_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
