"""Account rules: creating accounts, passwords, logging in and out with server-side sessions."""
import logging
from datetime import timedelta
from functools import partial

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import OperationalError
from werkzeug.security import check_password_hash, generate_password_hash

from alumni_hub.accounts.models import LoginSession, User, hash_token, new_token
from alumni_hub.accounts.passwords import check_password
from alumni_hub.core.db import utcnow
from alumni_hub.core.deferred import after_context
from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import db, login_manager

log = logging.getLogger(__name__)

# How stale a session's last_seen_at may get before a request refreshes it: fine enough
# for a 30-day expiry, without a database write on every request.
LAST_SEEN_RESOLUTION = timedelta(hours=1)


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def set_password(user: User, password: str) -> None:
    user.password_hash = generate_password_hash(password)


def create_user(*, email: str, display_name: str, password: str, role: str,
                locale: str = "de") -> User:
    """Add a new account after checking address, name and password (the caller commits)."""
    email = normalize_email(email)
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as error:
        raise ValidationError(_l("Das sieht nicht wie eine E-Mail-Adresse aus."),
                              field="email") from error
    display_name = (display_name or "").strip()
    if not 2 <= len(display_name) <= 80:
        raise ValidationError(_l("Der Name muss 2 bis 80 Zeichen lang sein."),
                              field="display_name")
    check_password(password, email=email)
    if db.session.scalar(select(func.count(User.id)).where(User.email == email)):
        raise ValidationError(_l("Für diese E-Mail-Adresse gibt es schon ein Konto."),
                              field="email")
    user = User(email=email, display_name=display_name, role=role, active=True,
                locale=locale if locale in ("de", "en") else "de")
    set_password(user, password)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(*, email: str, password: str) -> User:
    """Return the user for these credentials or raise ValidationError (one message for all
    failures, so the form does not reveal which addresses exist)."""
    user = db.session.scalar(select(User).where(User.email == normalize_email(email)))
    if user is None or not check_password_hash(user.password_hash, password or ""):
        raise ValidationError(_l("E-Mail-Adresse oder Passwort ist falsch."))
    if not user.active:
        raise ValidationError(_l("Dieses Konto ist deaktiviert. Bitte wende dich an die "
                                 "Administration."))
    return user


def start_session(user: User, *, user_agent: str = "") -> str:
    """Create a server-side login session; its token becomes the Flask-Login user id."""
    token = new_token()
    # Browsers that never came back leave their rows behind; a new login clears them.
    db.session.execute(delete(LoginSession).where(
        LoginSession.user_id == user.id, LoginSession.last_seen_at < _idle_cutoff()))
    db.session.add(LoginSession(user=user, token_hash=hash_token(token),
                                user_agent=(user_agent or "")[:255]))
    user.last_login_at = utcnow()
    user._login_token = f"{user.id}:{token}"
    return user._login_token


def end_session(user: User) -> None:
    """Delete this browser's session row: copies of its cookies stop working too."""
    token = _token_part(user.get_id())
    if token:
        db.session.execute(db.delete(LoginSession).where(
            LoginSession.token_hash == hash_token(token)))


def end_all_sessions(user: User, *, keep_current: bool = False) -> None:
    """Log the user out everywhere (password change, deactivation, role change)."""
    stmt = db.delete(LoginSession).where(LoginSession.user_id == user.id)
    token = _token_part(user.get_id()) if keep_current else None
    if token:
        stmt = stmt.where(LoginSession.token_hash != hash_token(token))
    db.session.execute(stmt)


def _token_part(login_id: str | None) -> str | None:
    if not login_id or ":" not in login_id:
        return None
    return login_id.split(":", 1)[1]


def _idle_cutoff():
    return utcnow() - current_app.config["REMEMBER_COOKIE_DURATION"]


@login_manager.user_loader
def load_user(login_id: str):
    """The user of a live session; a session idle too long is refused and deleted."""
    token = _token_part(login_id)
    if token is None:
        return None
    found = db.session.execute(
        select(User, LoginSession.id, LoginSession.last_seen_at).join(LoginSession)
        .where(LoginSession.token_hash == hash_token(token))).one_or_none()
    if found is None:
        return None
    user, session_id, last_seen = found
    if not user.active or login_id.split(":", 1)[0] != str(user.id):
        return None
    if last_seen < _idle_cutoff():
        _bookkeeping(delete(LoginSession).where(LoginSession.id == session_id))
        return None
    if last_seen < utcnow() - LAST_SEEN_RESOLUTION:
        _bookkeeping(update(LoginSession).where(LoginSession.id == session_id)
                     .values(last_seen_at=utcnow()))
    user._login_token = login_id
    return user


def _bookkeeping(statement) -> None:
    """Run `statement` in its own short transaction once the request is done.

    The user is loaded in the middle of a request whose own work the route commits (or
    not); session bookkeeping must neither wait for that nor commit it, nor take a second
    connection meanwhile (core.deferred). It is best effort: if the database is busy, the
    next request tries again.
    """
    after_context(partial(_run_bookkeeping, statement))


def _run_bookkeeping(statement) -> None:
    try:
        db.session.execute(statement)
        db.session.commit()
    except OperationalError:
        db.session.rollback()
        log.warning("Login session bookkeeping skipped: database busy", exc_info=True)


def change_password(*, user: User, current_password: str, new_password: str) -> None:
    """Set a new password; every other browser of the user is logged out."""
    if not check_password_hash(user.password_hash, current_password or ""):
        raise ValidationError(_l("Das aktuelle Passwort stimmt nicht."), field="current_password")
    check_password(new_password, email=user.email)
    set_password(user, new_password)
    end_all_sessions(user, keep_current=True)


def set_locale(*, user: User, locale: str) -> None:
    if locale not in ("de", "en"):
        raise ValidationError(_l("Diese Sprache gibt es nicht."), field="locale")
    user.locale = locale
