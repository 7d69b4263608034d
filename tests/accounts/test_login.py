"""Logging in and out: German messages, throttling, remember me, invalidated cookies."""
import pytest

from alumni_hub import create_app
from alumni_hub.config import DEFAULT_SECRET_KEY
from tests.conftest import TEST_PASSWORD


def _login(client, email, password=TEST_PASSWORD, **extra):
    return client.post("/konto/anmelden", data={"email": email, "password": password, **extra})


def test_wrong_password_gives_a_german_message(client, make_user):
    user = make_user()
    page = _login(client, user.email, "falsch-falsch").get_data(as_text=True)
    assert "E-Mail-Adresse oder Passwort ist falsch." in page
    assert f'value="{user.email}"' in page


def test_unknown_address_gets_the_same_message(client):
    page = _login(client, "niemand@example.org").get_data(as_text=True)
    assert "E-Mail-Adresse oder Passwort ist falsch." in page


def test_deactivated_account_cannot_log_in(client, make_user):
    user = make_user(active=False)
    page = _login(client, user.email).get_data(as_text=True)
    assert "Dieses Konto ist deaktiviert." in page
    assert client.get("/").status_code == 302


def test_visitor_sent_to_login_is_told_why_in_german(client):
    page = client.get("/mitglieder/", follow_redirects=True).get_data(as_text=True)
    assert "Bitte melde dich an, um diese Seite zu sehen." in page
    assert "Please log in" not in page


def test_login_page_links_to_password_reset(client):
    page = client.get("/konto/anmelden").get_data(as_text=True)
    assert 'href="/konto/passwort-vergessen"' in page and "Passwort vergessen?" in page


def test_too_many_login_attempts_show_the_german_429_page(app, client, make_user):
    user = make_user()
    limit = int(app.config["LOGIN_RATE_LIMIT"].split()[0])
    # Each address fails only once: this is the per-IP limit, not the per-address pause.
    for n in range(limit):
        assert _login(client, f"rate{n}@example.org", "falsch-falsch").status_code == 200
    response = _login(client, user.email)  # the IP waits now, whatever it sends
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "Zu viele Versuche" in page and "warte ein paar Minuten" in page


def test_login_follows_a_local_next_path(client, make_user):
    user = make_user()
    response = _login(client, user.email, next="/konto/einstellungen")
    assert response.headers["Location"] == "/konto/einstellungen"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x",
                                    "/\\evil.example"])
def test_login_ignores_a_foreign_next_url(client, make_user, target):
    user = make_user()
    response = _login(client, user.email, next=target)
    assert response.headers["Location"] == "/"


def test_session_cookie_is_httponly_and_samesite_lax(client, make_user):
    user = make_user()
    response = _login(client, user.email, remember="y")
    cookies = response.headers.getlist("Set-Cookie")
    for name in ("session=", "remember_token="):
        [cookie] = [c for c in cookies if c.startswith(name)]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_remember_cookie_keeps_the_user_logged_in(app, client, make_user):
    user = make_user()
    _login(client, user.email, remember="y")
    fresh = app.test_client()  # a new browser session with only the remember cookie
    fresh.set_cookie("remember_token", client.get_cookie("remember_token").value)
    assert f"Willkommen, {user.display_name}!" in fresh.get("/").get_data(as_text=True)


def test_copied_cookies_stop_working_after_logout(app, client, make_user):
    user = make_user()
    _login(client, user.email, remember="y")
    session = client.get_cookie("session").value
    remember = client.get_cookie("remember_token").value
    client.post("/konto/abmelden")
    for name, value in (("session", session), ("remember_token", remember)):
        thief = app.test_client()
        thief.set_cookie(name, value)
        assert thief.get("/").status_code == 302


def test_app_refuses_to_start_in_production_with_the_default_secret_key():
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"ENV_NAME": "production", "SECRET_KEY": DEFAULT_SECRET_KEY})
