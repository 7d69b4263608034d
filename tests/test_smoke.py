"""The skeleton holds: login, logout and the Socket.IO handshake for logged-in users only."""


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/konto/anmelden" in response.headers["Location"]


def test_login_page_is_german(client):
    page = client.get("/konto/anmelden").get_data(as_text=True)
    assert "Anmelden" in page and "Angemeldet bleiben" in page


def test_member_logs_in_and_sees_start_page(client, auth):
    user = auth.login()
    page = client.get("/").get_data(as_text=True)
    assert f"Willkommen, {user.display_name}!" in page


def test_copied_session_cookie_stops_working_after_logout(app, client, auth):
    auth.login()
    cookie = client.get_cookie("session")
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("session", cookie.value)
    assert thief.get("/").status_code == 302


def test_socket_refuses_anonymous_and_accepts_member(client, auth, socket_client):
    assert not socket_client().is_connected()
    auth.login()
    assert socket_client().is_connected()
