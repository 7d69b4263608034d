"""The per-address login throttle: growing pauses after failed logins, never a lasting lock-out.

Counted per email address, whether or not it has an account (so a pause reveals nothing).
After FREE_FAILURES failures within FORGET_AFTER, each further failure pauses the address
for twice as long as the one before, from FIRST_PAUSE up to MAX_PAUSE; every pause ends by
itself, a successful login or a password reset clears the count, and the owner's own
browser (a device cookie from an earlier login) is never paused.
Attempts per client IP address are limited separately (LOGIN_RATE_LIMIT, failed ones only).
"""
import hashlib
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from alumni_hub.accounts.models import LoginThrottle
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import AlumniHubError
from alumni_hub.extensions import db

FREE_FAILURES = 5
FIRST_PAUSE = timedelta(minutes=1)
MAX_PAUSE = timedelta(minutes=30)
FORGET_AFTER = timedelta(hours=24)


class LoginPaused(AlumniHubError):
    """Too many failed logins for this address; `until` is when the pause ends."""

    def __init__(self, until):
        minutes = max(1, round((until - utcnow()).total_seconds() / 60))
        super().__init__(_l("Zu viele fehlgeschlagene Anmeldungen für diese Adresse. Bitte "
                            "versuche es in %(n)s Minuten wieder oder setze dein Passwort "
                            "zurück.", n=minutes), field="password")
        self.until = until


def address_hash(normalized_email: str) -> str:
    return hashlib.sha256(normalized_email.encode()).hexdigest()


def _row(normalized_email: str) -> LoginThrottle | None:
    return db.session.scalar(select(LoginThrottle).where(
        LoginThrottle.address_hash == address_hash(normalized_email)))


def check(normalized_email: str) -> None:
    """Raise LoginPaused while the address is paused."""
    row = _row(normalized_email)
    if row is not None and row.blocked_until is not None and row.blocked_until > utcnow():
        raise LoginPaused(row.blocked_until)


def record_failure(normalized_email: str) -> bool:
    """Count a failed login; True if this failure starts the first pause of the day
    (the moment to tell the account owner)."""
    now = utcnow()
    row = _row(normalized_email) or _insert(normalized_email)
    if row.last_failure_at < now - FORGET_AFTER:
        row.failures = 0
    row.failures += 1
    row.last_failure_at = now
    if row.failures < FREE_FAILURES:
        return False
    row.blocked_until = now + min(FIRST_PAUSE * 2 ** (row.failures - FREE_FAILURES), MAX_PAUSE)
    if row.notified_at is None or row.notified_at < now - FORGET_AFTER:
        row.notified_at = now
        return True
    return False


def _insert(normalized_email: str) -> LoginThrottle:
    row = LoginThrottle(address_hash=address_hash(normalized_email), failures=0,
                        last_failure_at=utcnow())
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:  # a parallel request counted the first failure
        return _row(normalized_email)
    return row


def clear(normalized_email: str) -> None:
    """Forget the failures (successful login, password reset)."""
    db.session.execute(delete(LoginThrottle).where(
        LoginThrottle.address_hash == address_hash(normalized_email)))
