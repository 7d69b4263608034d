"""Builders for notification tests: notify as a committed action, read notifications, log in
twice."""
import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.models import Notification
from alumni_hub.notifications.services import notify
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def send_notification(app):
    """send_notification(kind, recipients, actor=None, ...) — notify() plus commit, like a route."""

    def send(kind=Kind.REPLY, recipients=(), actor=None, url="/foren/beitrag/1",
             params=None, group_key=None):
        with app.app_context():
            users = [db.session.get(User, u.id) for u in recipients]
            actor_obj = db.session.get(User, actor.id) if actor else None
            created = notify(kind=kind, recipients=users, url=url, actor=actor_obj,
                             params=params or {"title": "MINT-Mobil"}, group_key=group_key)
            db.session.commit()
            return [n.id for n in created]

    return send


@pytest.fixture
def notifications_of(app):
    """notifications_of(user) — that user's stored notifications, oldest first, detached."""

    def read(user):
        with app.app_context():
            notes = db.session.scalars(select(Notification).where(
                Notification.user_id == user.id).order_by(Notification.id)).all()
            db.session.expunge_all()
            return notes

    return read


@pytest.fixture
def login_client(app):
    """login_client(user) — a separate logged-in HTTP client (a second browser)."""

    def login(user):
        other = app.test_client()
        response = other.post("/konto/anmelden", data={"email": user.email,
                                                       "password": TEST_PASSWORD})
        assert response.status_code == 302
        return other

    return login
