"""Chat load: N Socket.IO clients in one room, messages at a set aggregate rate.

Runs the app (`python -m tests.chat.serve`: `python wsgi.py` plus a test room kind) and
then, as the physical limit, a bare python-socketio broadcast server in the same async
mode (benchmarks/chat_bare_server.py), one after the other with the same clients and rate.
Reports delivery latency p50/p95/p99 (send → arrival at each client in the room), messages
lost and duplicated, deliveries/s, and the servers' CPU time and memory (from /proc).

    .venv/bin/python benchmarks/chat_load.py --clients 300 --rate 20 --seconds 15
    .venv/bin/python benchmarks/chat_load.py --processes 2 --redis-url redis://127.0.0.1:6379/7

Only 127.0.0.1 is contacted; the run stops by itself. The app uses its own SQLite file in
a temporary folder (DATABASE_URL is ignored).
"""
import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests
import socketio
from sqlalchemy import insert
from werkzeug.security import generate_password_hash

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from alumni_hub import create_app  # noqa: E402
from alumni_hub.accounts.models import LoginSession, User, hash_token, new_token  # noqa: E402
from alumni_hub.core.db import utcnow  # noqa: E402
from alumni_hub.extensions import db  # noqa: E402
from tests.core.servers import free_port  # noqa: E402

SECRET = "chat-load-benchmark-secret-" * 2


def prepare(path: Path, count: int) -> list[str]:
    """A SQLite file with `count` members, each with a login session; returns the cookies."""
    from flask.sessions import SecureCookieSessionInterface  # noqa: PLC0415

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SECRET_KEY": SECRET})
    tokens = [new_token() for _ in range(count)]
    password = generate_password_hash("unbenutzt")
    with app.app_context():
        db.create_all()
        db.session.execute(insert(User), [
            {"email": f"last{n}@example.org", "display_name": f"Last {n}", "role": "member",
             "active": True, "locale": "de", "password_hash": password,
             "created_at": utcnow()} for n in range(count)])
        db.session.execute(insert(LoginSession), [
            {"user_id": n + 1, "token_hash": hash_token(token), "created_at": utcnow(),
             "last_seen_at": utcnow(), "user_agent": "chat_load"}
            for n, token in enumerate(tokens)])
        db.session.commit()
        db.engine.dispose()
    signer = SecureCookieSessionInterface().get_signing_serializer(app)
    return [signer.dumps({"_user_id": f"{n + 1}:{token}", "_fresh": True})
            for n, token in enumerate(tokens)]


def start(argv: list[str], env: dict, port: int, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(argv, cwd=ROOT, env={**env, "PORT": str(port)},
                               stdout=open(log, "ab"), stderr=subprocess.STDOUT)  # noqa: SIM115
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited: {log.read_text()[-2000:]}")
        try:
            requests.get(f"http://127.0.0.1:{port}/socket.io/?EIO=4&transport=polling", timeout=2)
            return process
        except requests.RequestException:
            time.sleep(0.1)
    raise SystemExit(f"server did not start: {log.read_text()[-2000:]}")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_mib(pid: int, key: str = "VmHWM") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


class Load:
    """The clients of one run and what they saw."""

    def __init__(self, app: bool, urls: list[str], cookies: list[str]):
        self.app, self.urls, self.cookies = app, urls, cookies
        self.sent: dict[str, float] = {}
        self.seen: set[tuple[int, str]] = set()
        self.latencies: list[float] = []
        self.duplicated = 0
        self.clients: list[socketio.AsyncClient] = []
        self.room = None

    def _on_message(self, index: int):
        def handler(data):
            now = time.monotonic()
            cid = data["client_id"] if self.app else data["cid"]
            if (index, cid) in self.seen:
                self.duplicated += 1
                return
            self.seen.add((index, cid))
            if cid in self.sent:
                self.latencies.append(now - self.sent[cid])
        return handler

    async def connect(self, index: int) -> None:
        client = socketio.AsyncClient(reconnection=False)
        client.on("chat:message" if self.app else "msg", self._on_message(index))
        headers = {"Cookie": f"session={self.cookies[index]}"} if self.app else {}
        await client.connect(self.urls[index % len(self.urls)], headers=headers,
                             transports=["websocket"], wait_timeout=20)
        if self.app:
            answer = await client.call("chat:join", {"kind": "test", "ref_id": 1}, timeout=20)
            self.room = answer["room"]
        else:
            await client.call("join", {}, timeout=20)
        self.clients.append(client)

    async def run(self, rate: float, seconds: float) -> float:
        total, start = int(rate * seconds), time.monotonic()
        for n in range(total):
            await asyncio.sleep(max(0.0, start + n / rate - time.monotonic()))
            client = self.clients[n % len(self.clients)]
            cid = str(uuid.uuid4())
            self.sent[cid] = time.monotonic()
            data = ({"room": self.room, "client_id": cid, "body": f"Last-Test {n}"}
                    if self.app else {"cid": cid})
            await client.emit("chat:send" if self.app else "send", data)
        window = time.monotonic() - start
        expected = total * len(self.clients)
        deadline = time.monotonic() + 10
        while len(self.seen) < expected and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        return window


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] * 1000


async def measure(name: str, app: bool, urls, cookies, pids, args) -> dict:
    load = Load(app, urls, cookies)
    for batch in range(0, args.clients, 25):
        last = min(batch + 25, args.clients)
        await asyncio.gather(*(load.connect(i) for i in range(batch, last)))
    await asyncio.sleep(2)  # the join announcements settle before the clock starts
    cpu_before = sum(cpu_seconds(pid) for pid in pids)
    window = await load.run(args.rate, args.seconds)
    cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_before
    await asyncio.gather(*(c.disconnect() for c in load.clients))
    expected = len(load.sent) * args.clients
    return {"name": name, "messages": len(load.sent), "expected": expected,
            "delivered": len(load.seen), "lost": expected - len(load.seen),
            "duplicated": load.duplicated, "rate": len(load.seen) / window,
            "p50": percentile(load.latencies, 50), "p95": percentile(load.latencies, 95),
            "p99": percentile(load.latencies, 99), "cpu": cpu,
            "rss": sum(memory_mib(pid) for pid in pids)}


def run_target(name: str, args, folder: Path, cookies: list[str]) -> dict:
    app = name == "app"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "REDIS_URL", "SOCKETIO_MESSAGE_QUEUE")}
    env.update(DATABASE_URL=f"sqlite:///{folder / 'chat.sqlite3'}", SECRET_KEY=SECRET,
               CHAT_RATE_COUNT="1000000", PYTHONUNBUFFERED="1")
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    ports = [free_port() for _ in range(args.processes)]
    processes = []
    try:
        for i, port in enumerate(ports):
            argv = ([sys.executable, "-m", "tests.chat.serve"] if app else
                    [sys.executable, "benchmarks/chat_bare_server.py", "--port", str(port)]
                    + (["--redis-url", args.redis_url] if args.redis_url else []))
            processes.append(start(argv, env, port, folder / f"{name}-{i}.log"))
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        return asyncio.run(measure(name, app, urls, cookies, [p.pid for p in processes], args))
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--rate", type=float, default=20.0, help="messages/s, all clients together")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--processes", type=int, default=1, choices=(1, 2))
    parser.add_argument("--redis-url", default=None, help="needed for --processes 2")
    parser.add_argument("--only", choices=("app", "bare"), default=None)
    args = parser.parse_args()
    if args.processes > 1 and not args.redis_url:
        parser.error("--processes 2 needs --redis-url")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cookies = prepare(folder / "chat.sqlite3", args.clients)
        results = [run_target(name, args, folder, cookies)
                   for name in ("app", "bare") if args.only in (None, name)]
    print(f"{args.clients} clients, {args.rate:g} msg/s for {args.seconds:g} s, "
          f"{args.processes} process(es){' + Redis' if args.redis_url else ''}")
    print("| server | messages | deliveries | lost | duplicated | deliveries/s | p50 ms | "
          "p95 ms | p99 ms | server CPU s | peak RSS MiB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        print(f"| {r['name']} | {r['messages']} | {r['delivered']}/{r['expected']} | {r['lost']} "
              f"| {r['duplicated']} | {r['rate']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | "
              f"{r['p99']:.1f} | {r['cpu']:.1f} | {r['rss']:.0f} |")
    if len(results) == 2 and results[1]["rate"]:
        print(f"app/bare delivery rate: {results[0]['rate'] / results[1]['rate']:.2f}")


if __name__ == "__main__":
    main()
