"""Reports of reportable things for the moderators' queue (the audit log is core.audit)."""
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from alumni_hub.accounts.models import User
from alumni_hub.core.audit import AuditLogEntry  # noqa: F401 - its name before core held it
from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db


REPORT_STATUSES = ("open", "dismissed", "hidden", "deleted")


class Report(db.Model):
    """A member's report of something a feature registered as reportable (moderation/targets.py)."""

    __tablename__ = "reports"
    # Finding the open reports of one thing (duplicates, closing them together).
    __table_args__ = (Index("ix_reports_target_type_target_id", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(1000))
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    resolver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    reporter: Mapped[User | None] = relationship(foreign_keys=[reporter_id])
    resolver: Mapped[User | None] = relationship(foreign_keys=[resolver_id])
