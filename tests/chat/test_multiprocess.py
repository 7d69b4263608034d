"""Two app processes + Redis: a client on each, one process killed mid-stream, every message
exactly once for both clients and in the database (runs where REDIS_URL is set, as in CI)."""
import os
import subprocess
import sys
import threading
import time
import uuid

import pytest
import requests
import socketio as socketio_client
from sqlalchemy import create_engine, text

from tests.core import servers

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(
    not REDIS_URL, reason="needs REDIS_URL (a running Redis), as in CI's second pass")
PER_CLIENT = 30


def start_server(port: int, env: dict, log_path) -> subprocess.Popen:
    """`python -m tests.chat.serve` (wsgi.py plus the test room kinds); waits until it answers."""
    log = open(log_path, "ab")  # noqa: SIM115 - the process owns it until it ends
    process = subprocess.Popen([sys.executable, "-m", "tests.chat.serve"], cwd=servers.ROOT,
                               env={**env, "PORT": str(port)}, stdout=log,
                               stderr=subprocess.STDOUT)
    deadline = time.monotonic() + servers.START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, log_path.read_text()[-3000:]
        try:
            requests.get(f"http://127.0.0.1:{port}/konto/anmelden", timeout=2)
            return process
        except requests.RequestException:
            time.sleep(0.1)
    raise AssertionError(log_path.read_text()[-3000:])


class ChatClient:
    """What static/js/chat/ does, in Python: outbox until acknowledged, catch-up after seq N."""

    def __init__(self, http: requests.Session):
        self.cookie = "; ".join(f"{c.name}={c.value}" for c in http.cookies)
        self.messages: dict[int, dict] = {}
        self.live: list[str] = []  # bodies that arrived as a broadcast, not as an answer
        self.outbox: dict[str, str] = {}
        self.sio = None
        self.lock = threading.Lock()

    def last_seq(self) -> int:
        seq = 0
        while seq + 1 in self.messages:
            seq += 1
        return seq

    def _store(self, payload: dict) -> None:
        with self.lock:
            self.messages[payload["seq"]] = payload

    def _on_message(self, payload: dict) -> None:
        self.live.append(payload["body_html"])
        self._store(payload)

    def connect(self, url: str) -> None:
        sio = socketio_client.Client(reconnection=False, handle_sigint=False, request_timeout=5)
        sio.on("chat:message", self._on_message)
        sio.connect(url, headers={"Cookie": self.cookie}, transports=["websocket"],
                    wait_timeout=5)
        self.sio = sio
        self.sync("chat:join", kind="test", ref_id=1)

    def sync(self, event="chat:sync", **extra) -> None:
        more = True
        while more:
            answer = self.sio.call(event, {"room": 1, "after_seq": self.last_seq(), **extra},
                                   timeout=5)
            for payload in answer["messages"]:
                self._store(payload)
            more, event = answer["more"], "chat:sync"

    def send(self, body: str) -> None:
        self.outbox[str(uuid.uuid4())] = body
        self.flush()

    def flush(self) -> None:
        for client_id, body in list(self.outbox.items()):
            try:
                answer = self.sio.call("chat:send", {"room": 1, "client_id": client_id,
                                                     "body": body}, timeout=5)
            except (socketio_client.exceptions.SocketIOError, AttributeError):
                return  # the server is gone: resent after the reconnect
            assert answer["ok"], answer
            self._store(answer["message"])
            del self.outbox[client_id]

    def reconnect(self, urls: list[str]) -> None:
        """Like the browser: try again until one of the servers takes the connection."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            for url in urls:
                try:
                    self.connect(url)
                    self.flush()
                    return
                except socketio_client.exceptions.SocketIOError:
                    time.sleep(0.2)
        raise AssertionError("no server took the reconnect")


def stream(ada: ChatClient, bert: ChatClient, urls: list[str], killed) -> None:
    """Both write in turn; halfway, Bert's server process is killed without a goodbye."""
    ada.connect(urls[0])
    bert.connect(urls[1])
    for n in range(PER_CLIENT):
        if n == PER_CLIENT // 2:
            killed.kill()
            killed.wait(timeout=10)
        ada.send(f"Ada {n}")
        bert.send(f"Bert {n}")
        if not bert.sio.connected or bert.outbox:
            bert.reconnect([urls[0]])
        time.sleep(0.02)
    time.sleep(1)  # the last broadcasts through Redis
    for client in (ada, bert):
        client.flush()
        client.sync()


def stored_rows(database) -> list:
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT seq, client_id, body_md FROM chat_messages ORDER BY seq")).all()
    engine.dispose()
    return rows


@pytest.mark.parametrize("gevent", ["0", "1"], ids=["threads", "gevent-patched"])
def test_killed_process_clients_reconnect_and_see_every_message_exactly_once(tmp_path, gevent):
    database = tmp_path / "chat.sqlite3"
    servers.prepare_database(database)
    servers.prepare_database(database, email="bert@example.org")
    env = servers.server_env(database, REDIS_URL=REDIS_URL, CHAT_RATE_COUNT="100000",
                             CHAT_SERVE_GEVENT=gevent)
    ports = [servers.free_port(), servers.free_port()]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    processes = [start_server(port, env, tmp_path / f"server-{i}.log")
                 for i, port in enumerate(ports)]
    ada = bert = None
    try:
        ada = ChatClient(servers.login(urls[0]))
        bert = ChatClient(servers.login(urls[1], email="bert@example.org"))
        stream(ada, bert, urls, processes[1])
    finally:
        for client in (ada, bert):
            if client is not None and client.sio is not None and client.sio.connected:
                client.sio.disconnect()
        for process in processes:
            process.terminate()
            process.wait(timeout=10)

    stored, total, early = stored_rows(database), 2 * PER_CLIENT, PER_CLIENT // 2
    assert [row.seq for row in stored] == list(range(1, total + 1))
    assert len({row.client_id for row in stored}) == total
    assert sorted(row.body_md for row in stored) == sorted(
        [f"Ada {n}" for n in range(PER_CLIENT)] + [f"Bert {n}" for n in range(PER_CLIENT)])
    # Before the kill, each heard the other's messages live, through Redis.
    assert len({f"<p>Bert {n}</p>" for n in range(early)} & set(ada.live)) > early // 2
    assert len({f"<p>Ada {n}</p>" for n in range(early)} & set(bert.live)) > early // 2
    for client in (ada, bert):
        assert client.outbox == {}
        assert sorted(client.messages) == list(range(1, total + 1))
        assert [client.messages[s]["client_id"] for s in range(1, total + 1)] == [
            row.client_id for row in stored]
