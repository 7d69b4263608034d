"""Real app server processes for the at-scale tests: start, wait, log in, connect Socket.IO."""
import os
import re
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests
import socketio as socketio_client
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "server-test-passwort"
START_TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(path: Path, *, email: str = "ada@example.org") -> int:
    """A fresh SQLite file with every table and one member; returns the member's id."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        db.metadata.create_all(engine)
        with Session(engine) as session:
            user = User(email=email, display_name="Ada Server", role="member", active=True,
                        locale="de", password_hash=generate_password_hash(PASSWORD))
            session.add(user)
            session.commit()
            return user.id
    finally:
        engine.dispose()


def server_env(database_path: Path, **extra: str) -> dict:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "REDIS_URL", "SOCKETIO_MESSAGE_QUEUE",
                          "ALUMNI_HUB_ENV", "PROXY_FIX", "SESSION_COOKIE_SECURE")}
    env.update(DATABASE_URL=f"sqlite:///{database_path}", SECRET_KEY="scale-test-secret-" * 3,
               PYTHONUNBUFFERED="1", **extra)
    return env


@contextmanager
def running_servers(commands: list[tuple[list[str], dict]], log_dir: Path):
    """Start each (argv, env) in the project root; yield the processes when all answer;
    always stop them."""
    processes = []
    try:
        for index, (argv, env) in enumerate(commands):
            log = open(log_dir / f"server-{index}.log", "wb")  # noqa: SIM115 - closed below
            processes.append((subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log,
                                               stderr=subprocess.STDOUT), log))
        for (process, log), (_argv, env) in zip(processes, commands):
            _wait_until_answering(process, f"http://127.0.0.1:{env['PORT']}", log.name)
        yield [process for process, _log in processes]
    finally:
        for process, log in processes:
            process.terminate()
        for process, log in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
            log.close()


def _wait_until_answering(process, base_url: str, log_name: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {Path(log_name).read_text()[-3000:]}")
        try:
            if requests.get(base_url + "/konto/anmelden", timeout=2).status_code == 200:
                return
        except requests.RequestException:  # gunicorn accepts before its worker is ready
            pass
        time.sleep(0.1)
    raise AssertionError(f"server did not answer in {START_TIMEOUT}s: "
                         f"{Path(log_name).read_text()[-3000:]}")


def python_server(port: int, env: dict) -> tuple[list[str], dict]:
    """The development server (`python wsgi.py`), as `make run` starts it."""
    return [sys.executable, "wsgi.py"], {**env, "PORT": str(port)}


def readme_gunicorn_command() -> list[str]:
    """The production command exactly as README.md documents it (its first gunicorn line)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^\s*(\.venv/bin/gunicorn .+)$", text, re.MULTILINE).group(1)
    return line.split()


def gunicorn_server(port: int, env: dict) -> tuple[list[str], dict]:
    """The documented production command (README), bound to `port` on 127.0.0.1."""
    argv = readme_gunicorn_command()
    argv[0] = str(Path(sys.executable).with_name("gunicorn"))
    argv[argv.index("-b") + 1] = f"127.0.0.1:{port}"
    return argv, {**env, "PORT": str(port)}


def gthread_server(port: int, env: dict) -> tuple[list[str], dict]:
    """The former production command (one gthread worker, 100 threads), for comparison."""
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    return ([gunicorn, "-k", "gthread", "-w", "1", "--threads", "100",
             "-b", f"127.0.0.1:{port}", "wsgi:app"], {**env, "PORT": str(port)})


def login(base_url: str, email: str = "ada@example.org") -> requests.Session:
    """Log in through the real form, CSRF token included; returns the logged-in session."""
    http = requests.Session()
    page = http.get(base_url + "/konto/anmelden", timeout=5).text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    response = http.post(base_url + "/konto/anmelden", timeout=5, allow_redirects=False,
                         data={"csrf_token": token, "email": email, "password": PASSWORD})
    assert response.status_code == 302, response.text[:2000]
    return http


def socket_client(base_url: str, http: requests.Session | None = None, *,
                  transports=("websocket",), origin: str | None = None):
    """A connected python-socketio client, sending the session cookie of `http`."""
    client = socketio_client.Client(reconnection=False, handle_sigint=False, request_timeout=5,
                                    websocket_extra_options={"origin": origin} if origin else {})
    headers = {}
    if http is not None:
        headers["Cookie"] = "; ".join(f"{c.name}={c.value}" for c in http.cookies)
    client.connect(base_url, headers=headers, transports=list(transports), wait_timeout=5)
    return client


def disconnect_all(clients) -> None:
    """Disconnect in parallel: each WebSocket close waits for the server's close frame."""
    threads = [threading.Thread(target=client.disconnect) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
