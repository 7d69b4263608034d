"""Admin user management: search, role changes, deactivation; every change is audited."""
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select

from alumni_hub.accounts.models import User
from alumni_hub.accounts.services.users import end_all_sessions
from alumni_hub.core import signals
from alumni_hub.core.errors import PermissionDenied, ValidationError
from alumni_hub.core.permissions import Role
from alumni_hub.extensions import db
from alumni_hub.core.audit import record


def search_users(query: str = ""):
    """Statement for the user list: by name or email, alphabetical."""
    stmt = select(User).order_by(func.lower(User.display_name), User.id)
    query = (query or "").strip()
    if query:
        pattern = f"%{query.lower()}%"
        stmt = stmt.where(or_(func.lower(User.display_name).like(pattern),
                              func.lower(User.email).like(pattern)))
    return stmt


def _guard_last_admin(user: User) -> None:
    others = db.session.scalar(select(func.count(User.id)).where(
        User.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id))
    if user.is_admin and user.active and not others:
        raise ValidationError(_l("Es muss mindestens eine aktive Administration geben."))


def change_role(*, actor: User, user: User, role: str) -> None:
    if role not in {r.value for r in Role}:
        raise ValidationError(_l("Unbekannte Rolle."), field="role")
    if user.role == role:
        return
    if user.id == actor.id:
        raise PermissionDenied(_l("Du kannst deine eigene Rolle nicht ändern."))
    if role != Role.ADMIN.value:
        _guard_last_admin(user)
    record(actor=actor, action="user.role_changed", target_type="user", target_id=user.id,
           details={"from": user.role, "to": role, "name": user.display_name})
    user.role = role
    signals.user_changed.send(current_app._get_current_object(), user=user)


def set_active(*, actor: User, user: User, active: bool) -> None:
    """Deactivate (ends all sessions) or reactivate an account."""
    if bool(user.active) == active:
        return
    if user.id == actor.id:
        raise PermissionDenied(_l("Du kannst dein eigenes Konto nicht deaktivieren."))
    if not active:
        _guard_last_admin(user)
        end_all_sessions(user)
    user.active = active
    record(actor=actor, action="user.reactivated" if active else "user.deactivated",
           target_type="user", target_id=user.id, details={"name": user.display_name})
    signals.user_changed.send(current_app._get_current_object(), user=user)
