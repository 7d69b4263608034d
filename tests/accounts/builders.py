"""Builders for account tests: invitations, reset links, and the links in their mails."""
import re
from datetime import timedelta

import pytest

from alumni_hub.accounts.models import Invitation, PasswordReset, hash_token, new_token
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db

STRONG_PASSWORD = "Kiebitz-Watt-2031"


@pytest.fixture
def make_invitation(app):
    """Builder: make_invitation(email=..., role=..., state="expired"|"used"|"revoked") -> token."""

    def build(*, email="neu@example.org", role="member", invited_by=None, state="open"):
        token = new_token()
        now = utcnow()
        with app.app_context():
            invitation = Invitation(
                email=email, role=role, token_hash=hash_token(token),
                invited_by_id=invited_by.id if invited_by else None,
                expires_at=now - timedelta(minutes=1) if state == "expired"
                else now + timedelta(days=14),
                used_at=now if state == "used" else None,
                revoked_at=now if state == "revoked" else None)
            db.session.add(invitation)
            db.session.commit()
        return token

    return build


@pytest.fixture
def make_reset(app):
    """Builder: make_reset(user, state="expired"|"used") -> token."""

    def build(user, *, state="open"):
        token = new_token()
        now = utcnow()
        with app.app_context():
            db.session.add(PasswordReset(
                user_id=user.id, token_hash=hash_token(token),
                expires_at=now - timedelta(minutes=1) if state == "expired"
                else now + timedelta(hours=2),
                used_at=now if state == "used" else None))
            db.session.commit()
        return token

    return build


def link_in(text: str) -> str:
    """The path of the first absolute link in a mail body."""
    match = re.search(r"https?://[^/\s]+(/\S+)", text)
    assert match, text
    return match.group(1)
