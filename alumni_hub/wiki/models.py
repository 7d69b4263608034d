"""Wiki pages, their revisions, slugs (old ones redirect), links between pages, and watchers."""
from datetime import datetime

from sqlalchemy import (Boolean, Column, ForeignKey, Integer, String, Table, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from alumni_hub.accounts.models import User
from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db
from alumni_hub.members.models import Topic

page_topics = Table(
    "page_topics",
    db.metadata,
    Column("page_id", ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)


class Page(db.Model):
    """A wiki page; its text lives in revisions, the newest being current_revision."""

    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    # Pages and revisions point at each other; the constraint is added after both tables exist.
    current_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("revisions.id", ondelete="SET NULL", use_alter=True))
    protected: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    confirmed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    current_revision: Mapped["Revision | None"] = relationship(
        foreign_keys=[current_revision_id], post_update=True)
    confirmed_by: Mapped[User | None] = relationship(foreign_keys=[confirmed_by_id])
    topics: Mapped[list[Topic]] = relationship(secondary=page_topics, order_by=Topic.name)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def __repr__(self) -> str:
        return f"<Page {self.id} {self.slug}>"


class Revision(db.Model):
    """One saved state of a page. Revisions are never changed or deleted (only the cached HTML)."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("page_id", "number", name="uq_revisions_page_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(150))
    body_md: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(String(200), default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                  index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    restored_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("revisions.id", ondelete="SET NULL"))

    page: Mapped[Page] = relationship(foreign_keys=[page_id])
    author: Mapped[User | None] = relationship()
    restored_from: Mapped["Revision | None"] = relationship(remote_side=[id])


class PageSlug(db.Model):
    """Every slug a page ever had (the current one too): old URLs and links keep working."""

    __tablename__ = "page_slugs"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    page: Mapped[Page] = relationship()


class PageLink(db.Model):
    """A [[link]] in a page's current text, by target slug: it resolves once such a page exists."""

    __tablename__ = "page_links"
    __table_args__ = (UniqueConstraint("from_page_id", "to_slug", name="uq_page_links_from_to"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"),
                                              index=True)
    to_slug: Mapped[str] = mapped_column(String(120), index=True)
    to_title: Mapped[str] = mapped_column(String(150))

    from_page: Mapped[Page] = relationship()


class PageWatch(db.Model):
    """A member who wants to hear about changes to a page."""

    __tablename__ = "page_watches"
    __table_args__ = (UniqueConstraint("page_id", "user_id", name="uq_page_watches_page_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()
