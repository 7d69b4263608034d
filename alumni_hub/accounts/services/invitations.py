"""Invitations: the only way into the community. Who may invite whom, and registering."""
import re
from dataclasses import dataclass, field
from datetime import timedelta

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.services.links import lookup, mark_used
from alumni_hub.accounts.models import Invitation, User, hash_token, new_token
from alumni_hub.accounts.services.users import create_user, normalize_email
from alumni_hub.core import signals
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import NotFound, PermissionDenied, ValidationError
from alumni_hub.core.permissions import Role
from alumni_hub.extensions import db
from alumni_hub.core.audit import record

MAX_ADDRESSES = 50
_SEPARATORS = re.compile(r"[\s,;]+")


def allowed_roles(inviter: User) -> list[str]:
    """Moderators invite members only; admins any role; members nobody."""
    rank = Role(inviter.role).rank
    if rank >= Role.ADMIN.rank:
        return [role.value for role in Role]
    if rank >= Role.MODERATOR.rank:
        return [Role.MEMBER.value]
    return []


def parse_emails(text: str) -> list[str]:
    """Addresses from a textarea (one per line or comma-separated), normalized, no repeats."""
    seen: dict[str, None] = {}
    for part in _SEPARATORS.split(text or ""):
        if part:
            seen.setdefault(normalize_email(part), None)
    return list(seen)


@dataclass
class Screened:
    """A batch of addresses sorted into those to invite and those refused, with why."""
    good: list[str]
    rejected: list[str] = field(default_factory=list)
    problems: list = field(default_factory=list)  # lazy strings for the form field


def screen_emails(emails: list[str]) -> Screened:
    """Sort out typos and already registered addresses; raise only if nothing is usable
    in principle (empty or too many), so one typo does not hold back the others."""
    if not emails:
        raise ValidationError(_l("Bitte gib mindestens eine E-Mail-Adresse ein."), field="emails")
    if len(emails) > MAX_ADDRESSES:
        raise ValidationError(_l("Höchstens %(n)s Adressen auf einmal.", n=MAX_ADDRESSES),
                              field="emails")
    invalid = []
    for email in emails:
        try:
            validate_email(email, check_deliverability=False)
        except EmailNotValidError:
            invalid.append(email)
    taken = set(db.session.scalars(select(User.email).where(User.email.in_(emails))).all())
    screened = Screened(good=[e for e in emails if e not in invalid and e not in taken],
                        rejected=[e for e in emails if e in invalid or e in taken])
    if invalid:
        screened.problems.append(_l("Keine gültigen E-Mail-Adressen: %(list)s",
                                    list=", ".join(invalid)))
    if taken:
        screened.problems.append(_l("Bereits registriert (bitte entfernen): %(list)s",
                                    list=", ".join(sorted(taken))))
    return screened


def _validated(emails: list[str]) -> list[str]:
    screened = screen_emails(emails)
    if screened.problems:
        raise ValidationError(screened.problems[0], field="emails")
    return emails


def create_invitations(*, inviter: User, emails_text: str, role: str) -> list[tuple]:
    """Invite every address; returns (invitation, token) pairs for the mails.

    An address with an open invitation gets a new one; the old link stops working.
    """
    if role not in allowed_roles(inviter):
        raise PermissionDenied(_l("Du darfst keine Einladungen mit dieser Rolle verschicken."),
                               field="role")
    emails = _validated(parse_emails(emails_text))
    now = utcnow()
    for old in db.session.scalars(_open().where(Invitation.email.in_(emails))):
        old.revoked_at = now
    expires = now + timedelta(days=current_app.config["INVITATION_DAYS"])
    created = []
    for email in emails:
        token = new_token()
        invitation = Invitation(email=email, role=role, token_hash=hash_token(token),
                                invited_by_id=inviter.id, expires_at=expires)
        db.session.add(invitation)
        db.session.flush()
        record(actor=inviter, action="invitation.created", target_type="invitation",
               target_id=invitation.id, details={"email": email, "role": role})
        created.append((invitation, token))
    return created


def _open():
    return select(Invitation).where(Invitation.used_at.is_(None), Invitation.revoked_at.is_(None),
                                    Invitation.expires_at > utcnow())


def open_invitations():
    """Statement for the list of open invitations, newest first, inviters loaded."""
    return _open().options(joinedload(Invitation.invited_by)).order_by(
        Invitation.created_at.desc(), Invitation.id.desc())


def revoke_invitation(*, actor: User, invitation_id: int) -> Invitation:
    invitation = db.session.scalar(_open().where(Invitation.id == invitation_id))
    if invitation is None:
        raise NotFound(_l("Diese Einladung ist nicht mehr offen."))
    if invitation.role not in allowed_roles(actor):
        raise PermissionDenied(_l("Diese Einladung darfst du nicht zurückziehen."))
    invitation.revoked_at = utcnow()
    record(actor=actor, action="invitation.revoked", target_type="invitation",
           target_id=invitation.id, details={"email": invitation.email})
    return invitation


def find_invitation(token: str) -> Invitation:
    """The usable invitation for this link; raises NotFound or links.LinkGone."""
    return lookup(Invitation, token)


def register(*, invitation: Invitation, display_name: str, password: str,
             listed_in_directory: bool, show_email: bool, locale: str) -> User:
    """Create the account from an invitation and use the invitation up; members makes the
    profile from the choices (user_registered)."""
    user = create_user(email=invitation.email, display_name=display_name, password=password,
                       role=invitation.role, locale=locale)
    signals.user_registered.send(current_app._get_current_object(), user=user, choices={
        "listed_in_directory": bool(listed_in_directory), "show_email": bool(show_email)})
    mark_used(invitation)
    invitation.used_by_id = user.id
    return user
