"""Password reset by emailed link: neutral about which addresses exist, single use."""
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select, update

from alumni_hub.accounts.services import throttle
from alumni_hub.accounts.services.links import lookup, mark_used
from alumni_hub.accounts.models import PasswordReset, User, hash_token, new_token
from alumni_hub.accounts.passwords import check_password
from alumni_hub.accounts.services.users import end_all_sessions, normalize_email, set_password
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db


# Reset mails to one address per hour: enough for a mistyped or lost first mail, too few
# to flood someone's inbox (the per-IP limit alone let one address get 120 an hour).
MAILS_PER_HOUR = 3


def request_reset(*, email: str) -> tuple[User, str] | None:
    """A reset link for an active account, or None; the caller says the same either way."""
    user = db.session.scalar(select(User).where(User.email == normalize_email(email)))
    if user is None or not user.active or _recent_links(user) >= MAILS_PER_HOUR:
        return None
    token = new_token()
    hours = current_app.config["PASSWORD_RESET_HOURS"]
    db.session.add(PasswordReset(user_id=user.id, token_hash=hash_token(token),
                                 expires_at=utcnow() + timedelta(hours=hours)))
    return user, token


def _recent_links(user: User) -> int:
    return db.session.scalar(select(func.count(PasswordReset.id)).where(
        PasswordReset.user_id == user.id,
        PasswordReset.created_at > utcnow() - timedelta(hours=1)))


def find_reset(token: str) -> PasswordReset:
    """The usable reset for this link; raises NotFound or links.LinkGone."""
    return lookup(PasswordReset, token)


def reset_password(*, reset: PasswordReset, password: str) -> User:
    """Set the new password, use up every open link of the user, end all their sessions."""
    user = reset.user
    check_password(password, email=user.email, name=user.display_name)
    mark_used(reset)
    db.session.execute(update(PasswordReset).where(
        PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None)).values(used_at=utcnow()))
    set_password(user, password)
    throttle.clear(user.email)
    end_all_sessions(user)
    return user
