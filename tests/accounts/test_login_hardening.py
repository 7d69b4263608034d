"""Login that reveals nothing and cannot be guessed: same work for every address, pauses per
address, a notice to the owner, never a lasting lock-out, a new CSRF token at login."""
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from alumni_hub.accounts.services import throttle
from alumni_hub.accounts.services import users as services
from alumni_hub.accounts.models import LoginThrottle
from alumni_hub.core import signals
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from tests.conftest import TEST_PASSWORD

WRONG = "falsch-falsch-falsch"
PAUSED = "Zu viele fehlgeschlagene Anmeldungen für diese Adresse"


def _login(client, email, password=TEST_PASSWORD, ip="10.0.0.1"):
    return client.post("/konto/anmelden", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": ip})


@pytest.fixture
def hash_checks(monkeypatch):
    """The number of password hash checks made since the test began."""
    calls = []
    real = services.check_password_hash

    def counting(stored, password):
        calls.append(stored)
        return real(stored, password)

    monkeypatch.setattr(services, "check_password_hash", counting)
    return calls


def test_unknown_and_known_addresses_cost_one_hash_check_each(client, make_user, hash_checks):
    user = make_user()
    _login(client, user.email, WRONG)
    _login(client, "niemand@example.org", WRONG)
    assert len(hash_checks) == 2
    # The dummy hash is made like a real one (same method and work factor).
    assert hash_checks[1].split("$")[0] == hash_checks[0].split("$")[0]


def _fail(client, email, times, ip_base="10.1.0."):
    # A new IP address per attempt: the pause is per address, whoever tries.
    for n in range(times):
        page = _login(client, email, WRONG, ip=f"{ip_base}{n + 1}").get_data(as_text=True)
        assert ("E-Mail-Adresse oder Passwort ist falsch." in page if n < throttle.FREE_FAILURES
                else PAUSED in page)


@pytest.mark.parametrize("known", [True, False])
def test_failures_from_many_ips_pause_the_address_even_for_the_right_password(
        client, make_user, hash_checks, known):
    email = make_user().email if known else "niemand@example.org"
    _fail(client, email, throttle.FREE_FAILURES)
    checks = len(hash_checks)
    response = _login(client, email, TEST_PASSWORD, ip="10.2.0.1")
    assert response.status_code == 429
    assert PAUSED in response.get_data(as_text=True)
    assert len(hash_checks) == checks  # a paused address costs no hash check at all


def test_pauses_grow_and_end_by_themselves(app, client, make_user):
    user = make_user()
    _fail(client, user.email, throttle.FREE_FAILURES)

    def pause():
        with app.app_context():
            row = db.session.scalar(select(LoginThrottle))
            return row.blocked_until - row.last_failure_at

    first = pause()
    with app.app_context():  # the first pause is over
        db.session.execute(update(LoginThrottle).values(blocked_until=utcnow()))
        db.session.commit()
    _fail(client, user.email, 1)
    assert pause() == 2 * first == 2 * throttle.FIRST_PAUSE
    with app.app_context():
        db.session.execute(update(LoginThrottle).values(blocked_until=utcnow()))
        db.session.commit()
    assert _login(client, user.email).status_code == 302  # never locked out for good
    with app.app_context():
        assert db.session.scalar(select(LoginThrottle)) is None  # success forgets failures


def test_longest_pause_is_bounded():
    assert throttle.MAX_PAUSE <= timedelta(hours=1)


def test_owner_is_told_once_when_the_address_is_paused(client, make_user, outbox):
    user = make_user(email="ziel@example.org")
    _fail(client, user.email, throttle.FREE_FAILURES + 2)
    notices = [mail for mail in outbox() if "Fehlgeschlagene Anmeldungen" in mail.subject]
    assert [mail.recipient for mail in notices] == ["ziel@example.org"]
    assert "/konto/passwort-vergessen" in notices[0].text_body


def test_unknown_address_being_paused_sends_no_mail(client, outbox):
    _fail(client, "niemand@example.org", throttle.FREE_FAILURES + 1)
    assert outbox() == []


def test_owners_own_browser_logs_in_while_the_address_is_paused(app, make_user):
    user = make_user()
    owner, attacker = app.test_client(), app.test_client()
    assert _login(owner, user.email).status_code == 302
    owner.post("/konto/abmelden")
    _fail(attacker, user.email, throttle.FREE_FAILURES + 1)
    assert _login(attacker, user.email).status_code == 429
    assert _login(owner, user.email, ip="10.9.9.9").status_code == 302


def test_forged_device_cookie_does_not_skip_the_pause(client, make_user):
    user = make_user()
    _fail(client, user.email, throttle.FREE_FAILURES)
    client.set_cookie(services.DEVICE_COOKIE, str(user.id))
    assert _login(client, user.email).status_code == 429


def test_successful_logins_do_not_use_up_the_ip_allowance(app, client, make_user):
    user = make_user()
    limit = int(app.config["LOGIN_RATE_LIMIT"].split()[0])
    for _ in range(limit + 2):
        assert _login(client, user.email).status_code == 302
        client.post("/konto/abmelden")


def test_password_reset_lifts_the_pause(app, client, make_user, make_reset):
    user = make_user()
    _fail(client, user.email, throttle.FREE_FAILURES)
    token = make_reset(user)
    client.post(f"/konto/passwort-neu/{token}", data={
        "password": "Kiebitz-Watt-2031", "password_confirm": "Kiebitz-Watt-2031"})
    assert _login(client, user.email, "Kiebitz-Watt-2031").status_code == 302


def test_reset_mails_to_one_address_are_limited_per_hour(client, make_user, outbox):
    user = make_user()
    for n in range(6):
        response = client.post("/konto/passwort-vergessen", data={"email": user.email},
                               environ_base={"REMOTE_ADDR": f"10.3.0.{n + 1}"})
        assert response.status_code == 302  # the same neutral answer every time
    assert len(outbox()) == 3


def test_csrf_token_is_renewed_at_login(client, make_user):
    user = make_user()
    with client.session_transaction() as session:
        session["csrf_token"] = "known-before-login"
    assert _login(client, user.email).status_code == 302
    with client.session_transaction() as session:
        assert session.get("csrf_token") != "known-before-login"


@pytest.fixture
def logged_out_users(app):
    seen = []

    def receive(sender, user, **extra):
        seen.append(user.id)

    signals.user_logged_out.connect(receive)
    yield seen
    signals.user_logged_out.disconnect(receive)


def test_logout_password_change_and_deactivation_send_user_logged_out(
        client, auth, make_user, logged_out_users):
    user = auth.login()
    client.post("/konto/einstellungen/passwort", data={
        "current_password": TEST_PASSWORD, "password": "Kiebitz-Watt-2031",
        "password_confirm": "Kiebitz-Watt-2031"})
    auth.logout()
    assert logged_out_users == [user.id, user.id]
    other = make_user()
    auth.login(role="admin")
    client.post(f"/moderation/benutzer/{other.id}/aktiv", data={"active": "0"})
    assert logged_out_users[-1] == other.id


def test_reset_mail_is_sent_once_after_the_answer(client, make_user, outbox):
    user = make_user()
    response = client.post("/konto/passwort-vergessen", data={"email": user.email},
                           buffered=False)
    assert response.status_code == 302
    assert outbox() == []  # the answer is complete without the mail
    response.close()  # what the WSGI server does once the answer is sent
    response.close()
    assert [mail.recipient for mail in outbox()] == [user.email]
