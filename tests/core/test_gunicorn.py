"""The documented production server (gunicorn, gthread) serves pages and Socket.IO WebSockets."""
import pytest
import socketio as socketio_client

from tests.core import servers


@pytest.fixture(scope="module")
def gunicorn_url(app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gunicorn")
    database = folder / "gunicorn.sqlite3"
    servers.prepare_database(database)
    port = servers.free_port()
    with servers.running_servers([servers.gunicorn_server(port, servers.server_env(database))],
                                 folder):
        yield f"http://127.0.0.1:{port}"


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
