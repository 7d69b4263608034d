"""In-app notifications; features create them only through notifications.services.notify()."""
import enum
from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from alumni_hub.accounts.models import User
from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db


class EmailStatus(str, enum.Enum):
    """Where a notification stands on its way to the inbox owner's mailbox."""

    NONE = "none"          # in the app only (or the user unsubscribed)
    PENDING = "pending"    # to be emailed right away, after the commit that created it
    SENT = "sent"          # emailed on its own
    DIGEST = "digest"      # waits for the next daily digest
    # A "right away" kind, but a mail about the same thing went out minutes ago: waits for
    # one combined mail after the group window (followups.py), never for the digest.
    GROUPED = "grouped"
    DIGESTED = "digested"  # went out in a digest


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_unread", "user_id", "read_at"),
                      Index("ix_notifications_user_email", "user_id", "email_status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Text parameters (title, actor name …); the sentence is rendered in the reader's language.
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    url: Mapped[str] = mapped_column(String(500))
    # Notifications about the same thing (e.g. "thread:42") are grouped in the inbox and mail.
    group_key: Mapped[str | None] = mapped_column(String(80), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    email_status: Mapped[str] = mapped_column(String(10), default=EmailStatus.NONE.value)
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])


class NotificationPreference(db.Model):
    """A user's choice for one kind; without a row the kind's default delivery applies."""

    __tablename__ = "notification_preferences"
    __table_args__ = (UniqueConstraint("user_id", "kind",
                                       name="uq_notification_preferences_user_id_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    delivery: Mapped[str] = mapped_column(String(10))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class DigestRun(db.Model):
    """One user's digest of one day: claimed before sending, so nothing goes out twice."""

    __tablename__ = "digest_runs"
    __table_args__ = (UniqueConstraint("user_id", "day", name="uq_digest_runs_user_id_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    # claimed → sent | empty | failed; a claim older than the lease counts as crashed.
    status: Mapped[str] = mapped_column(String(10), default="claimed")
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    item_count: Mapped[int] = mapped_column(Integer, default=0)
