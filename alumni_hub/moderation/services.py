"""Writing the audit log; every moderation and admin action calls record()."""
from alumni_hub.extensions import db
from alumni_hub.moderation.models import AuditLogEntry


def record(*, actor, action: str, target_type: str, target_id: int | None = None,
           details: dict | None = None) -> AuditLogEntry:
    """Add an audit entry, e.g. record(actor=u, action="user.role_changed", target_type="user",
    target_id=5, details={"from": "member", "to": "moderator"}). The caller commits."""
    entry = AuditLogEntry(actor_id=actor.id if actor else None, action=action,
                          target_type=target_type, target_id=target_id, details=details or {})
    db.session.add(entry)
    return entry
