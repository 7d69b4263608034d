"""A mail server that is down never costs stored invitations or reset links, nor gives a 500."""
import socket

import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import Invitation, PasswordReset
from alumni_hub.extensions import db
from alumni_hub.core.audit import AuditLogEntry


def _closed_port() -> int:
    """A local port nobody listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_down(app):
    """Point the app at a real SMTP address that refuses connections, for one test."""
    keys = ("MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS", "MAIL_USE_SSL")
    saved = {key: app.config[key] for key in keys}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=_closed_port(), MAIL_USE_TLS=False,
                      MAIL_USE_SSL=False)
    yield
    app.config.update(saved)


def test_invitations_stay_stored_and_moderator_is_told_when_mail_server_is_down(
        app, client, auth, smtp_down):
    auth.login(role="moderator")
    response = client.post("/konto/einladen", data={
        "emails": "anna@example.org\nben@example.org\ncarla@example.org", "role": "member"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert ("Die Einladungen an anna@example.org, ben@example.org, carla@example.org sind "
            "gespeichert, aber die E-Mails konnten nicht verschickt werden.") in page
    assert "Einladungen verschickt" not in page
    assert "Offene Einladungen" in page and "carla@example.org" in page
    with app.app_context():
        stored = db.session.scalars(select(Invitation).order_by(Invitation.id)).all()
        assert [(i.email, i.revoked_at) for i in stored] == [
            ("anna@example.org", None), ("ben@example.org", None), ("carla@example.org", None)]
        assert len(db.session.scalars(select(AuditLogEntry).where(
            AuditLogEntry.action == "invitation.created")).all()) == 3


def test_invitation_that_got_no_mail_can_be_revoked(app, client, auth, smtp_down):
    auth.login(role="moderator")
    client.post("/konto/einladen", data={"emails": "anna@example.org", "role": "member"})
    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id))
    page = client.post(f"/konto/einladungen/{invitation_id}/zurueckziehen",
                       follow_redirects=True).get_data(as_text=True)
    assert "Die Einladung an anna@example.org ist zurückgezogen." in page


def test_password_reset_request_keeps_its_neutral_answer_when_mail_server_is_down(
        app, client, make_user, smtp_down):
    user = make_user(email="ida@example.org")
    response = client.post("/konto/passwort-vergessen", data={"email": "ida@example.org"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Wenn es zu dieser Adresse ein Konto gibt" in page
    with app.app_context():
        assert db.session.scalar(select(PasswordReset.user_id)) == user.id
