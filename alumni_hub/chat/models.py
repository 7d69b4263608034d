"""Chat data: rooms (one per (kind, ref_id)), messages, reactions, votes, mutes, change log."""
from datetime import datetime

from sqlalchemy import (Boolean, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from alumni_hub.accounts.models import User
from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db

# 👍 ❤️ 😂 🎉 🤔 👏 — a few, so the counts stay readable.
REACTIONS = ("\U0001F44D", "\u2764\uFE0F", "\U0001F602", "\U0001F389", "\U0001F914",
             "\U0001F44F")
MAX_LENGTH = 2000
# Ids and sequence numbers are INTEGER columns: 32 bits on PostgreSQL. A client's number
# beyond that can name nothing and must not reach the database (SQLite raises on > 64 bits).
MAX_ID = 2**31 - 1
# Room.state: "auto" follows the kind's window; moderators may force "open" or "closed".
STATES = ("auto", "open", "closed")


class Room(db.Model):
    """The chat of one thing (a meeting, a buddy pair …), created when first needed.

    last_seq numbers the messages and change_seq the later changes to them (deletion,
    reactions, votes, answered); both are raised with UPDATE … RETURNING inside the
    writing transaction, so they have no gaps even with several processes.
    """

    __tablename__ = "chat_rooms"
    __table_args__ = (UniqueConstraint("kind", "ref_id", name="uq_chat_rooms_kind_ref_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    ref_id: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10), default="auto")
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    change_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Message(db.Model):
    """One chat message; client_id is the sender's UUID, so a resend is recognised."""

    __tablename__ = "chat_messages"
    __table_args__ = (
        UniqueConstraint("room_id", "seq", name="uq_chat_messages_room_id_seq"),
        UniqueConstraint("room_id", "client_id", name="uq_chat_messages_room_id_client_id"),
        Index("ix_chat_messages_author_created", "author_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("chat_rooms.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    client_id: Mapped[str] = mapped_column(String(36))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body_md: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    reply_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="SET NULL"))
    is_question: Mapped[bool] = mapped_column(Boolean, default=False)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    room: Mapped[Room] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    reply_to: Mapped["Message | None"] = relationship(remote_side=[id])

    @property
    def visible(self) -> bool:
        return self.deleted_at is None


class Reaction(db.Model):
    __tablename__ = "chat_reactions"

    message_id: Mapped[int] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    emoji: Mapped[str] = mapped_column(String(16), primary_key=True)


class Vote(db.Model):
    """An upvote on a question to the speaker."""

    __tablename__ = "chat_votes"

    message_id: Mapped[int] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class Mute(db.Model):
    """A member may not write in a room until `until`."""

    __tablename__ = "chat_mutes"

    room_id: Mapped[int] = mapped_column(
        ForeignKey("chat_rooms.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    until: Mapped[datetime] = mapped_column(UTCDateTime)
    muted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class Change(db.Model):
    """Message `message_id` changed after it was sent; a reconnecting client asks for
    every change after the last change_seq it saw and gets the message's current state."""

    __tablename__ = "chat_changes"
    __table_args__ = (UniqueConstraint("room_id", "seq", name="uq_chat_changes_room_id_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("chat_rooms.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Presence(db.Model):
    """One open connection in a room; seen_at is refreshed by the client's heartbeat, so
    connections of a killed process drop out of the list by themselves."""

    __tablename__ = "chat_presence"

    room_id: Mapped[int] = mapped_column(
        ForeignKey("chat_rooms.id", ondelete="CASCADE"), primary_key=True)
    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
