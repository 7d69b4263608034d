"""Emailed single-use links (invitations, password resets): look up a token, mark it used."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from alumni_hub.accounts.models import hash_token
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import AlumniHubError, NotFound
from alumni_hub.extensions import db


class LinkGone(AlumniHubError):
    """The link existed but can no longer be used; `reason` is expired, used or revoked."""

    def __init__(self, message, *, reason: str):
        super().__init__(message)
        self.reason = reason


_GONE = {
    "used": _l("Dieser Link wurde bereits verwendet."),
    "revoked": _l("Dieser Link wurde zurückgezogen."),
    "expired": _l("Dieser Link ist abgelaufen."),
}


def lookup(model, token: str):
    """The row of `model` (Invitation or PasswordReset) for this token, if still usable."""
    row = db.session.scalar(select(model).where(model.token_hash == hash_token(token or "")))
    if row is None:
        raise NotFound(_l("Diesen Link kennen wir nicht. Bitte prüfe, ob er vollständig "
                          "kopiert wurde."))
    if row.used_at is not None:
        reason = "used"
    elif getattr(row, "revoked_at", None) is not None:
        reason = "revoked"
    elif row.expires_at <= utcnow():
        reason = "expired"
    else:
        return row
    raise LinkGone(_GONE[reason], reason=reason)


def mark_used(row) -> None:
    """Mark the link used, atomically: of two simultaneous uses only one succeeds."""
    model = type(row)
    now = utcnow()
    result = db.session.execute(update(model).where(model.id == row.id, model.used_at.is_(None))
                                .values(used_at=now).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise LinkGone(_GONE["used"], reason="used")
    row.used_at = now
