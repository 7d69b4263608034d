"""Password reset by emailed link: neutral answer, single use, ends every session."""
import pytest
from sqlalchemy import select

from werkzeug.security import check_password_hash

from alumni_hub.accounts.models import LoginSession, PasswordReset, User
from alumni_hub.extensions import db
from tests.accounts.builders import STRONG_PASSWORD, link_in
from tests.conftest import TEST_PASSWORD

NEUTRAL = "Wenn es zu dieser Adresse ein Konto gibt"


def _request(client, email):
    response = client.post("/konto/passwort-vergessen", data={"email": email})
    assert response.status_code == 302
    return client.get(response.headers["Location"]).get_data(as_text=True)


def _set(client, path, password=STRONG_PASSWORD, confirm=None):
    return client.post(path, data={"password": password, "password_confirm": confirm or password})


def test_password_reset_end_to_end_through_the_outbox(app, client, make_user, outbox):
    user = make_user(email="vergesslich@example.org")
    assert NEUTRAL in _request(client, "Vergesslich@example.org ")
    [mail] = outbox()
    recipient, subject, text, html = mail.recipient, mail.subject, mail.text_body, mail.html_body
    assert recipient == user.email and "Passwort" in subject
    assert "2 Stunden" in text and 'href="http://127.0.0.1:5000/konto/passwort-neu/' in html
    path = link_in(text)
    assert "Neues Passwort festlegen" in client.get(path).get_data(as_text=True)
    response = _set(client, path)
    assert response.headers["Location"] == "/konto/anmelden"
    login = client.post("/konto/anmelden", data={"email": user.email, "password": STRONG_PASSWORD})
    assert login.status_code == 302
    old = client.post("/konto/abmelden") and client.post(
        "/konto/anmelden", data={"email": user.email, "password": TEST_PASSWORD})
    assert "E-Mail-Adresse oder Passwort ist falsch." in old.get_data(as_text=True)


def test_unknown_address_gets_the_same_answer_and_no_mail(client, make_user, outbox):
    make_user(active=False, email="still@example.org")
    assert NEUTRAL in _request(client, "niemand@example.org")
    assert NEUTRAL in _request(client, "still@example.org")
    assert outbox() == []


def test_reset_link_works_only_once(app, client, make_user, outbox):
    user = make_user()
    _request(client, user.email)
    path = link_in(outbox()[0].text_body)
    _set(client, path)
    with app.app_context():
        assert db.session.scalar(select(PasswordReset.used_at)) is not None
        assert check_password_hash(db.session.get(User, user.id).password_hash, STRONG_PASSWORD)
    response = client.get(path)
    assert response.status_code == 410
    assert "bereits verwendet" in response.get_data(as_text=True)


def test_using_one_reset_link_voids_the_others(app, client, make_user, make_reset):
    user = make_user()
    first, second = make_reset(user), make_reset(user)
    _set(client, f"/konto/passwort-neu/{first}")
    assert client.get(f"/konto/passwort-neu/{second}").status_code == 410
    with app.app_context():
        # Both are used up in the database, not only refused by the page.
        assert None not in db.session.scalars(select(PasswordReset.used_at)).all()


def test_expired_reset_link_gives_a_gone_page(client, make_user, make_reset):
    token = make_reset(make_user(), state="expired")
    response = client.get(f"/konto/passwort-neu/{token}")
    assert response.status_code == 410 and "abgelaufen" in response.get_data(as_text=True)


def test_unknown_reset_link_gives_a_not_found_page(client):
    response = client.get("/konto/passwort-neu/unbekannt")
    assert response.status_code == 404 and "kennen wir nicht" in response.get_data(as_text=True)


@pytest.mark.parametrize(("password", "confirm", "message"), [
    ("hallo12345", None, "zu verbreitet"),
    ("kurz", None, "mindestens 10 Zeichen"),
    (STRONG_PASSWORD, "anders-als-vorher", "stimmen nicht überein"),
])
def test_weak_new_password_is_refused_and_link_stays_usable(app, client, make_user, make_reset,
                                                            password, confirm, message):
    token = make_reset(make_user())
    page = _set(client, f"/konto/passwort-neu/{token}", password, confirm).get_data(as_text=True)
    assert message in page and 'class="field-error"' in page
    with app.app_context():
        assert db.session.scalar(select(PasswordReset.used_at)) is None


def test_new_password_ends_all_sessions(app, client, make_user, make_reset):
    user = make_user()
    other = app.test_client()
    other.post("/konto/anmelden", data={"email": user.email, "password": TEST_PASSWORD,
                                        "remember": "y"})
    remember = other.get_cookie("remember_token").value
    _set(client, f"/konto/passwort-neu/{make_reset(user)}")
    with app.app_context():
        assert db.session.scalars(select(LoginSession).where(
            LoginSession.user_id == user.id)).all() == []
    assert other.get("/").status_code == 302
    thief = app.test_client()
    thief.set_cookie("remember_token", remember)
    assert thief.get("/").status_code == 302
