"""Login sessions expire when unused for REMEMBER_COOKIE_DURATION; use keeps them alive."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from alumni_hub.accounts.models import LoginSession
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def sessions(app):
    """sessions.age(user, days=..., minutes=...) sets last_seen_at; sessions.of(user) reads."""

    class Sessions:
        @staticmethod
        def age(user, **ago):
            with app.app_context():
                db.session.execute(update(LoginSession).where(LoginSession.user_id == user.id)
                                   .values(last_seen_at=utcnow() - timedelta(**ago)))
                db.session.commit()

        @staticmethod
        def of(user):
            with app.app_context():
                return db.session.scalars(select(LoginSession.last_seen_at).where(
                    LoginSession.user_id == user.id)).all()

    return Sessions


def test_session_last_seen_31_days_ago_no_longer_logs_in_and_is_deleted(client, auth,
                                                                        sessions):
    user = auth.login()
    sessions.age(user, days=31)
    response = client.get("/konto/einstellungen")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/konto/anmelden")
    assert sessions.of(user) == []


def test_remember_cookie_of_an_expired_session_does_not_log_in_either(client, auth,
                                                                      sessions):
    user = auth.login(remember=True)
    sessions.age(user, days=31)
    client.delete_cookie("session")  # the browser was closed; only the remember cookie is left
    page = client.get("/konto/einstellungen", follow_redirects=True).get_data(as_text=True)
    assert 'name="password"' in page and "Anmelden" in page
    assert sessions.of(user) == []


def test_session_used_within_the_period_stays_and_is_marked_as_seen(client, auth, sessions):
    user = auth.login()
    sessions.age(user, days=29)
    response = client.get("/konto/einstellungen")
    assert response.status_code == 200
    [last_seen] = sessions.of(user)
    assert utcnow() - last_seen < timedelta(minutes=1)


def test_recent_session_is_not_rewritten_on_every_request(client, auth, sessions):
    user = auth.login()
    sessions.age(user, minutes=10)
    [before] = sessions.of(user)
    client.get("/konto/einstellungen")
    client.get("/konto/einstellungen")
    assert sessions.of(user) == [before]


def test_new_login_clears_the_users_long_idle_sessions(app, client, auth, sessions):
    user = auth.login()
    sessions.age(user, days=40)
    app.test_client().post("/konto/anmelden", data={"email": user.email,
                                                    "password": TEST_PASSWORD})
    [fresh] = sessions.of(user)
    assert utcnow() - fresh < timedelta(minutes=1)
    with app.app_context():
        assert db.session.scalar(select(func.count(LoginSession.id))) == 1
