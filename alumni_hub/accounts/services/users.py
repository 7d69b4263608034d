"""Account rules: creating accounts, passwords, logging in and out with server-side sessions."""
import logging
import secrets
from datetime import timedelta
from functools import cache, partial

from email_validator import EmailNotValidError, validate_email
from itsdangerous import BadData, URLSafeTimedSerializer
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import OperationalError
from werkzeug.security import check_password_hash, generate_password_hash

from alumni_hub.accounts.services import throttle
from alumni_hub.accounts.models import LoginSession, User, hash_token, new_token
from alumni_hub.accounts.services.names import clean_display_name
from alumni_hub.accounts.passwords import check_password
from alumni_hub.core import signals
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
    display_name = clean_display_name(display_name)
    check_password(password, email=email, name=display_name)
    if db.session.scalar(select(func.count(User.id)).where(User.email == email)):
        raise ValidationError(_l("Für diese E-Mail-Adresse gibt es schon ein Konto."),
                              field="email")
    user = User(email=email, display_name=display_name, role=role, active=True,
                locale=locale if locale in ("de", "en") else "de")
    set_password(user, password)
    db.session.add(user)
    db.session.flush()
    return user


class LoginFailed(ValidationError):
    """Wrong address or password; `notify` is the account owner to warn of a pause, if any."""

    def __init__(self, notify: User | None = None):
        super().__init__(_l("E-Mail-Adresse oder Passwort ist falsch."))
        self.notify = notify


@cache
def _dummy_hash() -> str:
    # Made like every stored hash, so checking against it costs the same time.
    return generate_password_hash(secrets.token_urlsafe(16))


def authenticate(*, email: str, password: str, device_user_id: int | None = None) -> User:
    """Return the user for these credentials or raise LoginFailed (one message for all
    failures) or throttle.LoginPaused.

    Unknown addresses cost one password hash check too, and are counted and paused like
    known ones: neither timing nor answers tell which addresses have an account. The
    owner's own browser (`device_user_id` from an earlier login) is never paused.
    """
    address = normalize_email(email)
    user = db.session.scalar(select(User).where(User.email == address))
    own_device = user is not None and device_user_id == user.id
    if not own_device:
        throttle.check(address)
    if not check_password_hash(user.password_hash if user else _dummy_hash(), password or ""):
        starts_pause = not own_device and throttle.record_failure(address)
        raise LoginFailed(notify=user if starts_pause and user is not None else None)
    throttle.clear(address)
    if not user.active:
        raise ValidationError(_l("Dieses Konto ist deaktiviert. Bitte wende dich an die "
                                 "Administration."))
    return user


# A signed cookie naming the account that last logged in with this browser: the owner's
# own browser is never paused by the login throttle.
DEVICE_COOKIE = "hub_device"
DEVICE_MAX_AGE = timedelta(days=180)


def _device_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="alumni-hub-login-device")


def device_token(user: User) -> str:
    return _device_serializer().dumps(user.id)


def device_user_id(token: str | None) -> int | None:
    """The account id in a device cookie, or None if it is missing, forged or too old."""
    if not token:
        return None
    try:
        user_id = _device_serializer().loads(
            token, max_age=int(DEVICE_MAX_AGE.total_seconds()))
    except BadData:
        return None
    return user_id if isinstance(user_id, int) else None


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
    # Only this browser's open sockets close: the user stays logged in elsewhere.
    signals.user_logged_out.send(current_app._get_current_object(), user=user,
                                 login_id=user.get_id())


def end_all_sessions(user: User, *, keep_current: bool = False) -> None:
    """Log the user out everywhere (password change, deactivation, role change)."""
    stmt = db.delete(LoginSession).where(LoginSession.user_id == user.id)
    token = _token_part(user.get_id()) if keep_current else None
    if token:
        stmt = stmt.where(LoginSession.token_hash != hash_token(token))
    db.session.execute(stmt)
    # Open Socket.IO connections of the user are closed by the receivers of this signal.
    signals.user_logged_out.send(current_app._get_current_object(), user=user)


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
    check_password(new_password, email=user.email, name=user.display_name)
    set_password(user, new_password)
    end_all_sessions(user, keep_current=True)


def set_locale(*, user: User, locale: str) -> None:
    if locale not in ("de", "en"):
        raise ValidationError(_l("Diese Sprache gibt es nicht."), field="locale")
    user.locale = locale
