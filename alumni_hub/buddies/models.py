"""Buddy offers and requests, direct asks, pairs with their checklist, contacts and check-ins."""
from datetime import datetime

from sqlalchemy import (Boolean, CheckConstraint, Column, ForeignKey, Index, Integer, String,
                        Table, Text, UniqueConstraint, text)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from alumni_hub.accounts.models import User
from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db
from alumni_hub.members.models import Topic

MIN_CAPACITY, MAX_CAPACITY = 1, 5
REGION_ANY, REGION_NEAR = "any", "near"  # newcomer's wish: anywhere / same or neighbouring Land
REQUEST_OPEN, REQUEST_MATCHED, REQUEST_WITHDRAWN = "open", "matched", "withdrawn"
ASK_PENDING, ASK_ACCEPTED, ASK_DECLINED, ASK_EXPIRED, ASK_CANCELLED = (
    "pending", "accepted", "declined", "expired", "cancelled")
PAIR_ACTIVE, PAIR_ENDED = "active", "ended"
ANSWERS = ("good", "help", "paused")  # läuft gut / brauchen Hilfe / ruht
EXCLUDE_DECLINED, EXCLUDE_ENDED_BADLY = "declined", "ended_badly"

offer_topics = Table(
    "buddy_offer_topics", db.metadata,
    Column("offer_id", ForeignKey("buddy_offers.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)
request_topics = Table(
    "buddy_request_topics", db.metadata,
    Column("request_id", ForeignKey("buddy_requests.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)


class BuddyOffer(db.Model):
    """An experienced member's offer to accompany up to `capacity` newcomers at once."""

    __tablename__ = "buddy_offers"
    __table_args__ = (
        CheckConstraint("capacity BETWEEN 1 AND 5", name="capacity_range"),
        # The one guard against overbooking: accepting is a conditional UPDATE of this count.
        CheckConstraint("active_count >= 0 AND active_count <= capacity", name="within_capacity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    capacity: Mapped[int] = mapped_column(Integer, default=1)
    active_count: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship()
    topics: Mapped[list[Topic]] = relationship(secondary=offer_topics, order_by=Topic.name)

    @property
    def free_slots(self) -> int:
        return max(0, self.capacity - self.active_count)


class BuddyRequest(db.Model):
    """A newcomer's wish for a buddy; at most one open per person."""

    __tablename__ = "buddy_requests"
    # The database, not only the service, keeps it at one open request (double submits).
    __table_args__ = (Index("uq_buddy_requests_open_user", "user_id", unique=True,
                            sqlite_where=text("status = 'open'"),
                            postgresql_where=text("status = 'open'")),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    bundesland: Mapped[str | None] = mapped_column(String(2))
    network_type: Mapped[str | None] = mapped_column(String(30))
    region: Mapped[str] = mapped_column(String(10), default=REGION_ANY)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default=REQUEST_OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()
    topics: Mapped[list[Topic]] = relationship(secondary=request_topics, order_by=Topic.name)


class BuddyAsk(db.Model):
    """A newcomer asking one buddy directly; answered, or expired after ASK_DAYS."""

    __tablename__ = "buddy_asks"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("buddy_requests.id", ondelete="CASCADE"),
                                            index=True)
    newcomer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    buddy_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10), default=ASK_PENDING, index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    newcomer: Mapped[User] = relationship(foreign_keys=[newcomer_id])
    buddy: Mapped[User] = relationship(foreign_keys=[buddy_id])
    request: Mapped[BuddyRequest] = relationship()


class BuddyPair(db.Model):
    """A buddy and a newcomer working together; ended with optional feedback."""

    __tablename__ = "buddy_pairs"
    __table_args__ = (CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5",
                                      name="rating_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    buddy_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    newcomer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("buddy_requests.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), default=PAIR_ACTIVE, index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    rating: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # Set by a "brauchen Hilfe" check-in, cleared by a later "läuft gut".
    needs_help: Mapped[bool] = mapped_column(Boolean, default=False)

    buddy: Mapped[User] = relationship(foreign_keys=[buddy_id])
    newcomer: Mapped[User] = relationship(foreign_keys=[newcomer_id])
    ended_by: Mapped[User | None] = relationship(foreign_keys=[ended_by_id])

    @property
    def member_ids(self) -> tuple[int, int]:
        return (self.buddy_id, self.newcomer_id)

    def partner_of(self, user_id: int) -> User:
        return self.newcomer if user_id == self.buddy_id else self.buddy


class PairGoal(db.Model):
    """One line of a pair's shared checklist."""

    __tablename__ = "buddy_pair_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("buddy_pairs.id", ondelete="CASCADE"),
                                         index=True)
    text: Mapped[str] = mapped_column(String(200))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PairContact(db.Model):
    """The contact details one member chose to share with their pair partner."""

    __tablename__ = "buddy_pair_contacts"

    pair_id: Mapped[int] = mapped_column(ForeignKey("buddy_pairs.id", ondelete="CASCADE"),
                                         primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    details: Mapped[str] = mapped_column(String(500), default="")


class CheckIn(db.Model):
    """'How is it going?' asked of one member of a pair on one occasion ("30d", "meeting:7")."""

    __tablename__ = "buddy_checkins"
    __table_args__ = (UniqueConstraint("pair_id", "user_id", "occasion",
                                       name="uq_buddy_checkins_pair_user_occasion"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("buddy_pairs.id", ondelete="CASCADE"),
                                         index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    occasion: Mapped[str] = mapped_column(String(40))
    answer: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class BuddyExclusion(db.Model):
    """A buddy who declined a newcomer, or a pair that ended badly: never proposed again."""

    __tablename__ = "buddy_exclusions"
    __table_args__ = (UniqueConstraint("buddy_id", "newcomer_id",
                                       name="uq_buddy_exclusions_buddy_newcomer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    buddy_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    newcomer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
