"""Roles and the one helper every route uses to enforce them on the server."""
import enum
from functools import wraps

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required


class Role(str, enum.Enum):
    MEMBER = "member"
    MODERATOR = "moderator"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Role.MEMBER: 0, Role.MODERATOR: 1, Role.ADMIN: 2}

# How a role is named wherever it is shown: forms, the user list, the audit log.
ROLE_LABELS = {
    Role.MEMBER.value: _l("Mitglied"),
    Role.MODERATOR.value: _l("Moderator:in"),
    Role.ADMIN.value: _l("Administrator:in"),
}


def has_role(user, role: Role) -> bool:
    """True if `user` holds `role` or a higher one (admin > moderator > member)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return Role(user.role).rank >= role.rank


def role_required(role: Role):
    """Route decorator: logged in and at least `role`, else 401/403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not has_role(current_user, role):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


moderator_required = role_required(Role.MODERATOR)
admin_required = role_required(Role.ADMIN)
