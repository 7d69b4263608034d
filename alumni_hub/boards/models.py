"""Boards data: categories, threads, posts (a tree per thread), revisions, reactions, watches."""
from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from alumni_hub.accounts.models import User
from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db
from alumni_hub.members.models import Topic

KIND_QUESTION = "question"
KIND_DISCUSSION = "discussion"
REACTION_KINDS = ("helpful", "thanks")

thread_topics = Table(
    "thread_topics",
    db.metadata,
    Column("thread_id", ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)


class Category(db.Model):
    """A board section; moderators create, rename, order and archive them."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Thread(db.Model):
    """A question or a discussion/tip; its opening post is the Post without parent.

    reply_count, last_post_at and last_post_author_id are kept up to date in the same
    transaction as every post change, so the category page needs no aggregates.
    """

    __tablename__ = "threads"
    __table_args__ = (
        Index("ix_threads_category_listing", "category_id", "pinned", "last_post_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(String(20), default=KIND_DISCUSSION)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_post_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_post_author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    reply_count: Mapped[int] = mapped_column(Integer, default=0)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    # use_alter: threads and posts point at each other.
    accepted_post_id: Mapped[int | None] = mapped_column(ForeignKey(
        "posts.id", ondelete="SET NULL", use_alter=True, name="fk_threads_accepted_post_id_posts"))

    category: Mapped[Category] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    last_post_author: Mapped[User | None] = relationship(foreign_keys=[last_post_author_id])
    topics: Mapped[list[Topic]] = relationship(secondary=thread_topics, order_by=Topic.name)

    @property
    def is_question(self) -> bool:
        return self.kind == KIND_QUESTION

    @property
    def solved(self) -> bool:
        return self.is_question and self.accepted_post_id is not None


class Post(db.Model):
    """One contribution; parent_id builds the reply tree. Deleting and hiding are soft."""

    __tablename__ = "posts"
    __table_args__ = (Index("ix_posts_thread_created", "thread_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="SET NULL"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    body_md: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    thread: Mapped[Thread] = relationship(foreign_keys=[thread_id])
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])

    @property
    def is_opening(self) -> bool:
        return self.parent_id is None

    @property
    def visible(self) -> bool:
        return self.deleted_at is None and self.hidden_at is None


class PostRevision(db.Model):
    """An earlier version of a post, kept when it is edited."""

    __tablename__ = "post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    body_md: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    edited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    edited_by: Mapped[User | None] = relationship()


class Reaction(db.Model):
    """"Hilfreich" or "Danke" from one person on one post (one of each)."""

    __tablename__ = "post_reactions"

    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"),
                                         primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ThreadRead(db.Model):
    """How far a member has read a thread: the one small write per thread view."""

    __tablename__ = "thread_reads"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"),
                                           primary_key=True, index=True)
    last_read_post_id: Mapped[int] = mapped_column(Integer, default=0)
    last_read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ThreadWatch(db.Model):
    __tablename__ = "thread_watches"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"),
                                           primary_key=True, index=True)
    user: Mapped[User] = relationship()


class CategoryWatch(db.Model):
    __tablename__ = "category_watches"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"),
                                             primary_key=True, index=True)
    user: Mapped[User] = relationship()
