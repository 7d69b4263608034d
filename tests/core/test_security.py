"""What every response shares: security headers, German error pages, the Socket.IO handshake."""
import json

import pytest

from alumni_hub import create_app
from alumni_hub.config import DEFAULT_SECRET_KEY
from alumni_hub.extensions import socketio
from tests.core.apps import config_like, isolated_app


def test_pages_carry_strict_security_headers(client):
    response = client.get("/konto/anmelden")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "no-store" in response.headers["Cache-Control"]


def test_session_cookie_is_httponly_and_samesite(client, auth):
    auth.login()
    cookie = client.get_cookie("session")
    assert cookie.http_only
    assert cookie.same_site == "Lax"


def test_unknown_page_shows_german_404(client):
    response = client.get("/gibt-es-nicht")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Seite nicht gefunden" in page
    assert "Content-Security-Policy" in response.headers


def test_unknown_page_answers_json_to_json_clients(client):
    response = client.get("/gibt-es-nicht", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json() == {"error": "Seite nicht gefunden"}


def test_body_over_the_limit_gets_german_413(app, client):
    too_big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/konto/anmelden", data={"email": too_big, "password": "x"})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "Datei zu groß" in page and "zu groß" in page


def _engineio_open_packet(response) -> dict:
    body = response.get_data(as_text=True)
    assert body.startswith("0"), body
    return json.loads(body[1:])


def test_engineio_polling_handshake_answers_with_open_packet(client, auth):
    auth.login()
    response = client.get("/socket.io/?EIO=4&transport=polling")
    assert response.status_code == 200
    packet = _engineio_open_packet(response)
    assert packet["sid"] and "websocket" in packet["upgrades"]


def test_anonymous_engineio_handshake_is_refused_before_a_socket_exists(client):
    sockets_before = set(socketio.server.eio.sockets)
    response = client.get("/socket.io/?EIO=4&transport=polling")
    assert response.status_code == 401
    assert not response.get_data(as_text=True).startswith("0")
    assert set(socketio.server.eio.sockets) == sockets_before


def test_engineio_handshake_of_a_logged_out_browser_is_refused(client, auth):
    auth.login()
    auth.logout()
    assert client.get("/socket.io/?EIO=4&transport=polling").status_code == 401


def test_engineio_same_origin_handshake_is_accepted(client, auth):
    auth.login()
    response = client.get("/socket.io/?EIO=4&transport=polling",
                          headers={"Origin": "http://localhost"})
    assert response.status_code == 200
    assert _engineio_open_packet(response)["sid"]


def test_engineio_cross_origin_handshake_is_refused(client):
    response = client.get("/socket.io/?EIO=4&transport=polling",
                          headers={"Origin": "http://evil.example"})
    assert response.status_code == 400
    assert not response.get_data(as_text=True).startswith("0")


def test_engineio_accepts_the_public_https_origin_behind_a_tls_proxy(client, auth):
    auth.login()
    # The test client keeps cookies per host; the browser on hub.example.org has its own.
    client.set_cookie("session", client.get_cookie("session").value, domain="hub.example.org")
    response = client.get("/socket.io/?EIO=4&transport=polling", headers={
        "Host": "hub.example.org", "X-Forwarded-Proto": "https",
        "Origin": "https://hub.example.org"})
    assert response.status_code == 200
    assert _engineio_open_packet(response)["sid"]


@pytest.mark.parametrize("secret", [DEFAULT_SECRET_KEY, ""])
def test_production_refuses_default_or_empty_secret_key(secret):
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"ENV_NAME": "production", "SECRET_KEY": secret})


def test_production_with_own_secret_sends_cookies_only_over_https(app, monkeypatch):
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    config = config_like(app, ENV_NAME="production", SECRET_KEY="a-long-random-value-" * 3)
    with isolated_app(config) as production:
        assert production.config["SESSION_COOKIE_SECURE"] is True
        assert production.config["REMEMBER_COOKIE_SECURE"] is True


def test_suite_app_keeps_working_after_a_second_app_was_built(app, client, auth, socket_client):
    assert socketio.server is app.wsgi_app.engineio_app
    auth.login()
    socket = socket_client()
    assert socket.is_connected()
    response = client.get("/socket.io/?EIO=4&transport=polling")
    assert _engineio_open_packet(response)["sid"]
