"""Account settings: language and password change (which logs out the other browsers)."""
from werkzeug.security import check_password_hash

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from tests.accounts.builders import STRONG_PASSWORD
from tests.conftest import TEST_PASSWORD


def _change(client, current=TEST_PASSWORD, new=STRONG_PASSWORD, confirm=None):
    return client.post("/konto/einstellungen/passwort", data={
        "current_password": current, "password": new, "password_confirm": confirm or new})


def test_language_choice_is_stored_on_the_user(app, client, auth):
    user = auth.login()
    page = client.get("/konto/einstellungen").get_data(as_text=True)
    assert '<option selected value="de">Deutsch</option>' in page
    response = client.post("/konto/einstellungen", data={"locale": "en"})
    assert response.status_code == 302
    page = client.get("/konto/einstellungen").get_data(as_text=True)
    assert '<option selected value="en">English</option>' in page
    with app.app_context():
        assert db.session.get(User, user.id).locale == "en"


def test_unknown_language_is_refused(app, client, auth):
    user = auth.login()
    response = client.post("/konto/einstellungen", data={"locale": "xx"})
    assert response.status_code == 200 and 'class="field-error"' in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, user.id).locale == "de"


def _password_is(app, user, password) -> bool:
    with app.app_context():
        return check_password_hash(db.session.get(User, user.id).password_hash, password)


def test_password_change_needs_the_current_password(app, client, auth):
    user = auth.login()
    page = _change(client, current="falsch-falsch").get_data(as_text=True)
    assert "Das aktuelle Passwort stimmt nicht." in page
    assert _password_is(app, user, TEST_PASSWORD)


def test_password_change_refuses_common_password(app, client, auth):
    user = auth.login()
    page = _change(client, new="Passwort123").get_data(as_text=True)
    assert "zu verbreitet" in page and 'id="password-help" class="field-error"' in page
    assert _password_is(app, user, TEST_PASSWORD)


def test_password_change_logs_out_other_browsers_but_not_this_one(app, client, auth):
    user = auth.login()
    other = app.test_client()
    other.post("/konto/anmelden", data={"email": user.email, "password": TEST_PASSWORD,
                                        "remember": "y"})
    copied_session = other.get_cookie("session").value
    copied_remember = other.get_cookie("remember_token").value
    response = _change(client)
    assert response.status_code == 302
    assert "Dein Passwort ist geändert." in client.get("/konto/einstellungen").get_data(as_text=True)
    for name, value in (("session", copied_session), ("remember_token", copied_remember)):
        thief = app.test_client()
        thief.set_cookie(name, value)
        assert thief.get("/").status_code == 302
    client.post("/konto/abmelden")
    ok = client.post("/konto/anmelden", data={"email": user.email, "password": STRONG_PASSWORD})
    assert ok.status_code == 302
