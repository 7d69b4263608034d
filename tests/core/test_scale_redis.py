"""At scale: two real app processes share Socket.IO events through Redis (CI's second pass)."""
import os
import re
import threading
import time
import uuid

import pytest
import requests
import socketio as socketio_client
from flask_socketio import SocketIO

from alumni_hub.core.realtime import user_room
from tests.core import servers

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(
    not REDIS_URL, reason="needs REDIS_URL (a running Redis), as in CI's second pass")


@pytest.fixture(scope="module")
def two_servers(app, tmp_path_factory):
    """The production command (gunicorn, gevent) and the development server (`python
    wsgi.py`, threading) on one SQLite file and one Redis; yields (urls, uid)."""
    folder = tmp_path_factory.mktemp("scale")
    database = folder / "scale.sqlite3"
    uid = servers.prepare_database(database)
    env = servers.server_env(database, REDIS_URL=REDIS_URL)
    ports = [servers.free_port(), servers.free_port()]
    commands = [servers.gunicorn_server(ports[0], env), servers.python_server(ports[1], env)]
    with servers.running_servers(commands, folder):
        yield [f"http://127.0.0.1:{port}" for port in ports], uid


def _wait_until_queue_reaches(clients: dict, uid: int) -> dict:
    """Emit from a queue-only process (as a cron job would) to the user's room until every
    client heard it; returns {url: heard}. The servers subscribe to Redis in the background
    right after their first connection, so the first emits may come too early."""
    received = {url: threading.Event() for url in clients}
    nonce = uuid.uuid4().hex
    for url, client in clients.items():
        client.on("scale_check", lambda data, url=url: data.get("nonce") == nonce
                  and received[url].set())
    emitter = SocketIO(message_queue=REDIS_URL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not all(e.is_set() for e in received.values()):
        emitter.emit("scale_check", {"nonce": nonce}, to=user_room(uid))
        for event in received.values():
            event.wait(0.2)
    return {url: event.is_set() for url, event in received.items()}


def test_event_for_a_user_room_reaches_the_user_on_both_servers(two_servers):
    urls, uid = two_servers
    clients = {url: servers.socket_client(url, servers.login(url)) for url in urls}
    try:
        assert _wait_until_queue_reaches(clients, uid) == dict.fromkeys(urls, True)
    finally:
        servers.disconnect_all(clients.values())


def test_anonymous_socket_client_is_refused(two_servers):
    urls, _uid = two_servers
    for url, transports in [(url, t) for url in urls for t in (["websocket"], ["polling"])]:
        with pytest.raises(socketio_client.exceptions.ConnectionError):
            servers.socket_client(url, transports=transports)


def test_foreign_origin_is_refused_even_when_logged_in(two_servers):
    urls, _uid = two_servers
    http = servers.login(urls[0])
    with pytest.raises(socketio_client.exceptions.ConnectionError):
        servers.socket_client(urls[0], http, origin="http://evil.example")
    response = http.get(urls[0] + "/socket.io/?EIO=4&transport=polling", timeout=5,
                        headers={"Origin": "http://evil.example"})
    assert response.status_code == 400


def test_logout_on_one_server_closes_the_browsers_socket_on_the_other(two_servers):
    urls, uid = two_servers
    browser = servers.login(urls[0])
    tab = servers.socket_client(urls[1], browser)
    closed = threading.Event()
    tab.on("disconnect", lambda *args: closed.set())
    try:
        assert _wait_until_queue_reaches({urls[1]: tab}, uid) == {urls[1]: True}
        page = browser.get(urls[0] + "/", timeout=5).text
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
        browser.post(urls[0] + "/konto/abmelden", data={"csrf_token": token}, timeout=5)
        assert closed.wait(5), "the socket on the other process stayed open"
    finally:
        servers.disconnect_all([tab])


def test_logged_in_session_works_on_the_other_server_too(two_servers):
    urls, _uid = two_servers
    http = servers.login(urls[0])
    page = http.get(urls[1] + "/", timeout=5, allow_redirects=False)
    assert page.status_code == 200
    assert "Willkommen, Ada Server!" in page.text
    assert requests.get(urls[1] + "/", timeout=5, allow_redirects=False).status_code == 302
