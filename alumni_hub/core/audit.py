"""The audit log: who did what to which object, kept for every moderation and admin action.

It lives in core because every feature writes it, accounts included, which moderation
(the feature that shows the log) itself builds on.
"""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db


class AuditLogEntry(db.Model):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                 index=True)
    action: Mapped[str] = mapped_column(String(60), index=True)
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    # By name: core imports no feature; accounts' User is in the same registry.
    actor: Mapped["User | None"] = relationship("User")  # noqa: F821


def record(*, actor, action: str, target_type: str, target_id: int | None = None,
           details: dict | None = None) -> AuditLogEntry:
    """Add an audit entry, e.g. record(actor=u, action="user.role_changed", target_type="user",
    target_id=5, details={"from": "member", "to": "moderator"}). The caller commits."""
    entry = AuditLogEntry(actor_id=actor.id if actor else None, action=action,
                          target_type=target_type, target_id=target_id, details=details or {})
    db.session.add(entry)
    return entry
