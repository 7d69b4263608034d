"""The physical limit for benchmarks/chat_load.py: a bare python-socketio broadcast server.

No database, no login, no validation — "join" puts the connection into one room, "send"
broadcasts the data to it and acknowledges. Same async mode and web server as the app's
`python wsgi.py` (threading, Werkzeug + simple-websocket); with --redis-url the same Redis
message queue as several app processes.

    python benchmarks/chat_bare_server.py --port 5101 [--redis-url redis://127.0.0.1:6379/7]
"""
import argparse

import socketio
from werkzeug.serving import run_simple


def build(redis_url: str | None) -> socketio.WSGIApp:
    manager = socketio.RedisManager(redis_url) if redis_url else None
    server = socketio.Server(async_mode="threading", client_manager=manager,
                             cors_allowed_origins=None)

    @server.on("join")
    def join(sid, data=None):
        server.enter_room(sid, "room")
        return {"ok": True}

    @server.on("send")
    def send(sid, data):
        server.emit("msg", data, to="room")
        return {"ok": True}

    return socketio.WSGIApp(server)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--redis-url", default=None)
    args = parser.parse_args()
    run_simple("127.0.0.1", args.port, build(args.redis_url), threaded=True)
