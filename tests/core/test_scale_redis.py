"""At scale: two real app processes share Socket.IO events through Redis (CI's second pass)."""
import os
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
    """Two `python wsgi.py` processes on one SQLite file and one Redis; yields (urls, uid)."""
    folder = tmp_path_factory.mktemp("scale")
    database = folder / "scale.sqlite3"
    uid = servers.prepare_database(database)
    env = servers.server_env(database, REDIS_URL=REDIS_URL)
    ports = [servers.free_port(), servers.free_port()]
    commands = [servers.python_server(port, env) for port in ports]
    with servers.running_servers(commands, folder):
        yield [f"http://127.0.0.1:{port}" for port in ports], uid


def test_event_for_a_user_room_reaches_the_user_on_both_servers(two_servers):
    urls, uid = two_servers
    received = {url: threading.Event() for url in urls}
    nonce = uuid.uuid4().hex
    clients = []
    try:
        for url in urls:
            client = servers.socket_client(url, servers.login(url))
            client.on("scale_check", lambda data, url=url: data.get("nonce") == nonce
                      and received[url].set())
            clients.append(client)
        # Another process that only writes to the queue, as a cron job or worker would.
        emitter = SocketIO(message_queue=REDIS_URL)
        deadline = time.monotonic() + 10
        # The servers subscribe to Redis in a background thread right after the first
        # connection; repeat the emit until that subscription is surely in place.
        while time.monotonic() < deadline and not all(e.is_set() for e in received.values()):
            emitter.emit("scale_check", {"nonce": nonce}, to=user_room(uid))
            for event in received.values():
                event.wait(0.2)
        assert all(event.is_set() for event in received.values()), received
    finally:
        servers.disconnect_all(clients)


def test_anonymous_socket_client_is_refused(two_servers):
    urls, _uid = two_servers
    # The dev server takes ~3 s to close a refused WebSocket, so that runs on one server.
    for url, transports in [(urls[0], ["websocket"]), (urls[0], ["polling"]),
                            (urls[1], ["polling"])]:
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


def test_logged_in_session_works_on_the_other_server_too(two_servers):
    urls, _uid = two_servers
    http = servers.login(urls[0])
    page = http.get(urls[1] + "/", timeout=5, allow_redirects=False)
    assert page.status_code == 200
    assert "Willkommen, Ada Server!" in page.text
    assert requests.get(urls[1] + "/", timeout=5, allow_redirects=False).status_code == 302
