"""The documented production server (README's gunicorn command, gevent): pages, WebSockets,
and open connections that cost no thread (issue 13, High 2 and Low 9)."""
import re
import socket
import threading
import time

import pytest
import requests
import socketio as socketio_client
import websocket

from tests.core import servers

IDLE_SOCKETS = 150  # more than the 100 threads the former gthread command had


@pytest.fixture(scope="module")
def gunicorn_url(app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gunicorn")
    database = folder / "gunicorn.sqlite3"
    servers.prepare_database(database)
    port = servers.free_port()
    with servers.running_servers([servers.gunicorn_server(port, servers.server_env(database))],
                                 folder):
        yield f"http://127.0.0.1:{port}"


def test_the_readme_command_is_one_gevent_worker():
    argv = servers.readme_gunicorn_command()
    assert argv[argv.index("-k") + 1] == "gevent"
    assert argv[argv.index("-w") + 1] == "1"


@pytest.mark.parametrize("transports", [["websocket"], ["polling", "websocket"]])
def test_logged_in_member_gets_a_websocket_under_gunicorn(gunicorn_url, transports):
    client = servers.socket_client(gunicorn_url, servers.login(gunicorn_url),
                                   transports=transports)
    try:
        assert client.connected
        assert client.transport() == "websocket"
    finally:
        servers.disconnect_all([client])


def test_anonymous_websocket_is_refused_under_gunicorn(gunicorn_url):
    with pytest.raises(socketio_client.exceptions.ConnectionError):
        servers.socket_client(gunicorn_url)


def _ws_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"


@pytest.mark.parametrize("headers", [{}, {"Origin": "http://evil.example"}])
def test_refused_websocket_handshake_is_answered_and_closed_at_once(gunicorn_url, headers):
    started = time.monotonic()
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        websocket.create_connection(_ws_url(gunicorn_url), timeout=5,
                                    suppress_origin=not headers, header=headers)
    assert refused.value.status_code in (400, 401)
    assert time.monotonic() - started < 2


def _idle_authenticated_socket(base_url: str, cookie: str):
    """A real Socket.IO connection over WebSocket that then just stays open."""
    ws = websocket.create_connection(_ws_url(base_url), timeout=10, cookie=cookie)
    assert ws.recv().startswith("0")   # Engine.IO open
    ws.send("40")                      # Socket.IO connect
    # Accepted ("40{sid}"); the connect handler may push the unread count ("42…") first.
    assert any(ws.recv().startswith("40") for _ in range(3))
    return ws


def _half_open_upgrade(port: int):
    """An anonymous WebSocket upgrade request whose client never reads or closes."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                 b"Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 b"Sec-WebSocket-Version: 13\r\n\r\n")
    return sock


def test_open_tabs_and_refused_sockets_do_not_block_pages(gunicorn_url):
    http = servers.login(gunicorn_url)
    cookie = "; ".join(f"{c.name}={c.value}" for c in http.cookies)
    port = int(gunicorn_url.rsplit(":", 1)[1])
    held = []
    try:
        held += [_idle_authenticated_socket(gunicorn_url, cookie) for _ in range(IDLE_SOCKETS)]
        held += [_half_open_upgrade(port) for _ in range(IDLE_SOCKETS)]
        started = time.monotonic()
        page = requests.get(gunicorn_url + "/konto/anmelden", timeout=5)
        assert page.status_code == 200 and "Anmelden" in page.text
        assert "Ada Server" in http.get(gunicorn_url + "/", timeout=5).text
        assert time.monotonic() - started < 5
    finally:
        for connection in held:
            connection.close()


def _csrf_token(http: requests.Session, base_url: str) -> str:
    page = http.get(base_url + "/", timeout=5).text
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def test_logout_closes_the_open_socket_of_that_browser_at_once(gunicorn_url):
    browser, phone = servers.login(gunicorn_url), servers.login(gunicorn_url)
    tab = servers.socket_client(gunicorn_url, browser)
    other = servers.socket_client(gunicorn_url, phone)
    closed = threading.Event()
    tab.on("disconnect", lambda *args: closed.set())
    try:
        browser.post(gunicorn_url + "/konto/abmelden", timeout=5,
                     data={"csrf_token": _csrf_token(browser, gunicorn_url)})
        assert closed.wait(5)
        assert other.connected
    finally:
        servers.disconnect_all([tab, other])
