"""Open tabs against the server model: idle sockets, refused sockets, and page latency meanwhile.

    python benchmarks/sockets_bench.py                       # 1,000 idle + 200 anonymous
    python benchmarks/sockets_bench.py --idle 300 --anonymous 50 --servers gevent

For each server command (the README's gunicorn gevent command, and the former
`gunicorn -k gthread -w 1 --threads 100` for comparison), on 127.0.0.1 and a fresh SQLite
file: log one member in --logins times, open --idle Socket.IO connections over WebSocket
with those cookies and keep them open (answering the server's pings), then make
--anonymous connection attempts without a cookie: half of them plain WebSocket handshakes,
half raw upgrade requests whose client never reads or closes. Meanwhile a prober loads two
ordinary pages (the start page logged in, the login page anonymous); reported are their
p50/p99 and failures (a request counts as failed after 10 s), how many idle sockets the
server accepted, how fast refused attempts were answered, and the worker's memory and
thread count. The bar (issue 13): page p99 under 500 ms with all of it open.
"""
import argparse
import os
import queue
import selectors
import socket
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import requests  # noqa: E402
import websocket  # noqa: E402

from tests.core import servers  # noqa: E402

PAGE_TIMEOUT = 10


class IdleSockets:
    """Open Socket.IO connections that do nothing but answer pings, from one thread."""

    GIVE_UP_AFTER = 32  # refused in a row: the server is full, the rest would only time out

    def __init__(self):
        self.sockets, self._new = [], queue.Queue()
        self.refused_in_a_row = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._answer_pings, daemon=True)
        self._thread.start()

    def open(self, ws_url: str, cookie: str) -> bool:
        if self.refused_in_a_row >= self.GIVE_UP_AFTER:
            return False
        accepted = self._open(ws_url, cookie)
        self.refused_in_a_row = 0 if accepted else self.refused_in_a_row + 1
        return accepted

    def _open(self, ws_url: str, cookie: str) -> bool:
        try:
            ws = websocket.create_connection(ws_url, timeout=5, cookie=cookie)
            ws.recv()                                  # Engine.IO open
            ws.send("40")                              # Socket.IO connect
            if not any(ws.recv().startswith("40") for _ in range(3)):
                ws.close()
                return False
        except Exception:  # refused, timed out, reset: not accepted  # noqa: BLE001
            return False
        self._new.put(ws)
        return True

    def _answer_pings(self):
        selector = selectors.DefaultSelector()
        while not self._stop.is_set():
            while not self._new.empty():
                ws = self._new.get()
                self.sockets.append(ws)
                selector.register(ws.sock, selectors.EVENT_READ, ws)
            for key, _ in selector.select(timeout=0.5) if self.sockets else ():
                try:
                    if key.data.recv() == "2":
                        key.data.send("3")
                except Exception:  # closed by the server  # noqa: BLE001
                    selector.unregister(key.fileobj)
        selector.close()

    def close(self):
        self._stop.set()
        self._thread.join(timeout=5)
        for ws in self.sockets:
            try:
                ws.close(timeout=0.2)
            except Exception:  # noqa: BLE001
                pass


def _refused_handshake(ws_url: str) -> float | None:
    """Seconds until an anonymous WebSocket handshake was answered (None: never)."""
    began = time.perf_counter()
    try:
        websocket.create_connection(ws_url, timeout=PAGE_TIMEOUT, suppress_origin=True).close()
    except websocket.WebSocketBadStatusException:
        return time.perf_counter() - began
    except Exception:  # noqa: BLE001
        return None
    return None  # accepted: should not happen


def _half_open(port: int):
    sock = socket.create_connection(("127.0.0.1", port), timeout=PAGE_TIMEOUT)
    sock.sendall(b"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 b"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                 b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
    return sock


def _probe_pages(base_url: str, http: requests.Session, seconds: float) -> dict:
    """Load the start page (logged in) and the login page (anonymous) for `seconds`."""
    times, failures = [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for session, path in ((http, "/"), (requests, "/konto/anmelden")):
            began = time.perf_counter()
            try:
                ok = session.get(base_url + path, timeout=PAGE_TIMEOUT).status_code == 200
            except requests.RequestException:
                ok = False
            times.append(time.perf_counter() - began)
            failures += not ok
    return {"pages": len(times), "page_failures": failures,
            "page_p50": statistics.median(times),
            "page_p99": statistics.quantiles(times, n=100, method="inclusive")[98]}


def _worker_stats(master_pid: int) -> dict:
    """RSS and threads of the gunicorn worker (the master's child)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if fields.get("PPid", "").strip() == str(master_pid):
                return {"rss_mib": int(fields["VmRSS"].split()[0]) / 1024,
                        "threads": int(fields["Threads"])}
    return {"rss_mib": float("nan"), "threads": 0}


def measure(kind: str, args, folder: Path) -> dict:
    database = folder / f"{kind}.sqlite3"
    servers.prepare_database(database)
    port = servers.free_port()
    base_url = f"http://127.0.0.1:{port}"
    ws_url = f"ws://127.0.0.1:{port}/socket.io/?EIO=4&transport=websocket"
    command = servers.gunicorn_server if kind == "gevent" else servers.gthread_server
    env = servers.server_env(database, LOGIN_RATE_LIMIT="10000 per minute")
    with servers.running_servers([command(port, env)], folder) as [process]:
        logins = [servers.login(base_url) for _ in range(args.logins)]
        cookies = ["; ".join(f"{c.name}={c.value}" for c in h.cookies) for h in logins]
        figures = {"server": kind, **_probe_pages(base_url, logins[0], 3)}
        figures["idle_page_p99"] = figures.pop("page_p99")
        idle = IdleSockets()
        half_open = []
        try:
            began = time.perf_counter()
            with ThreadPoolExecutor(max_workers=16) as pool:
                accepted = list(pool.map(lambda i: idle.open(ws_url, cookies[i % len(cookies)]),
                                         range(args.idle)))
            figures["open_seconds"] = time.perf_counter() - began
            figures["idle_accepted"] = sum(accepted)
            half_open = [_half_open(port) for _ in range(args.anonymous // 2)]
            with ThreadPoolExecutor(max_workers=16) as pool:
                refused = list(pool.map(lambda _: _refused_handshake(ws_url),
                                        range(args.anonymous - len(half_open))))
            answered = [seconds for seconds in refused if seconds is not None]
            figures["refused_answered"] = len(answered)
            figures["refused_max"] = max(answered) if answered else float("nan")
            figures.update(_probe_pages(base_url, logins[0], args.seconds))
            figures.update(_worker_stats(process.pid))
        finally:
            for sock in half_open:
                sock.close()
            idle.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--idle", type=int, default=1000)
    parser.add_argument("--anonymous", type=int, default=200)
    parser.add_argument("--logins", type=int, default=20, help="distinct login cookies")
    parser.add_argument("--seconds", type=float, default=10, help="page probing under load")
    parser.add_argument("--servers", nargs="+", default=["gevent", "gthread"],
                        choices=("gevent", "gthread"))
    args = parser.parse_args()
    from alumni_hub import create_app  # noqa: PLC0415 - imports every model for the schema

    create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "bench"})
    folder = Path(tempfile.mkdtemp(prefix="sockets-bench-"))
    print(f"load average before: {os.getloadavg()}, logs: {folder}", flush=True)
    for kind in args.servers:
        f = measure(kind, args, folder)
        print(f"{f['server']:>8}: idle sockets {f['idle_accepted']}/{args.idle} in "
              f"{f['open_seconds']:.1f}s | anonymous refused {f['refused_answered']}/"
              f"{args.anonymous - args.anonymous // 2} (slowest {f['refused_max']:.3f}s) "
              f"+ {args.anonymous // 2} half-open | pages: idle p99 {f['idle_page_p99']:.3f}s,"
              f" loaded p50 {f['page_p50']:.3f}s p99 {f['page_p99']:.3f}s, failed "
              f"{f['page_failures']}/{f['pages']} | worker {f['rss_mib']:.0f} MiB, "
              f"{f['threads']} threads", flush=True)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
