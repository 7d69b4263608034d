"""Socket.IO plumbing every feature shares: the server, authenticated connections, user rooms."""
import hashlib
from functools import partial, wraps

import socketio as socketio_server
from flask import Flask, current_app, request
from flask_login import current_user
from flask_socketio import disconnect, join_room
from werkzeug.exceptions import SecurityError

from alumni_hub.core import signals
from alumni_hub.core.deferred import on_commit
from alumni_hub.extensions import socketio

# Server → client, sent to a user's (or one login's) connections right before the server
# closes them: the page may tell the person why its live updates stopped.
SESSION_ENDED_EVENT = "session:ended"


def user_room(user_id: int) -> str:
    """The room only this user's own connections join (live badge, personal events)."""
    return f"user:{user_id}"


def login_room(login_id: str) -> str:
    """The room of the connections opened with one login (one browser's session cookie).

    Hashed, because room names travel through the Redis queue and the id holds the token.
    """
    return "login:" + hashlib.sha256(login_id.encode()).hexdigest()[:32]


def async_mode(config) -> str:
    """SOCKETIO_ASYNC_MODE if set; else gevent when the server has monkey-patched the
    standard library (gunicorn -k gevent), threading otherwise (`python wsgi.py`, tests,
    the `flask` CLI)."""
    if config["SOCKETIO_ASYNC_MODE"]:
        return config["SOCKETIO_ASYNC_MODE"]
    try:
        from gevent import monkey  # noqa: PLC0415 - optional until a gevent server runs
    except ImportError:
        return "threading"
    return "gevent" if monkey.is_module_patched("socket") else "threading"


class _ClosingDelivery(socketio_server.Manager):
    """Delivers events to this process's connections; SESSION_ENDED also closes them.

    Every process runs this for every emit, whether it was emitted here or came through the
    message queue (PubSubManager hands remote emits to the next class in the MRO, this one),
    so "close the sockets of user N" reaches every process without knowing their sids.
    """

    def emit(self, event, data, namespace, room=None, skip_sid=None, callback=None,
             to=None, **kwargs):
        result = super().emit(event, data, namespace, room=room, skip_sid=skip_sid,
                              callback=callback, to=to, **kwargs)
        target = to or room
        if event == SESSION_ENDED_EVENT and target:
            namespace = namespace or "/"
            for sid, eio_sid in list(self.get_participants(namespace, target)):
                self.server.disconnect(sid, namespace=namespace, ignore_queue=True)
                # A namespace disconnect leaves the transport open for a client that
                # ignores it; closing the Engine.IO socket frees it at once.
                self.server.eio.disconnect(eio_sid)
        return result


class _QueuedClosingDelivery(socketio_server.RedisManager, _ClosingDelivery):
    """The Redis message queue, with _ClosingDelivery as its local delivery."""


def _client_manager(url: str):
    if not url:
        return _ClosingDelivery()
    if not url.startswith(("redis://", "rediss://")):
        raise RuntimeError("SOCKETIO_MESSAGE_QUEUE must be a redis:// URL.")
    return _QueuedClosingDelivery(url, channel="flask-socketio")


def init_app(app: Flask) -> None:
    """Bind the Socket.IO server: async mode of the running server, queue, origins."""
    socketio.init_app(
        app,
        client_manager=_client_manager(app.config["SOCKETIO_MESSAGE_QUEUE"]),
        cors_allowed_origins=app.config["SOCKETIO_CORS_ORIGINS"],
        async_mode=async_mode(app.config),
    )
    _refuse_anonymous_handshakes(app)


def _refuse_anonymous_handshakes(app: Flask) -> None:
    """Answer an Engine.IO handshake without a valid login, or for a host outside
    TRUSTED_HOSTS, with 401 before any socket exists.

    The Socket.IO connect handler below would refuse anonymous people too, but only after the
    transport is open, and a client that ignores the refusal could keep it open (issue 13,
    High 2). Engine.IO answers /socket.io before Flask's own host check runs, so the request
    context built here repeats it (Flask notes a foreign host as the routing exception).
    python-socketio has no public hook for the handshake, so its handler is wrapped.
    """
    server = socketio.server
    accept = server._handle_eio_connect

    def handshake(eio_sid, environ):
        with app.request_context(environ):
            allowed = (not isinstance(request.routing_exception, SecurityError)
                       and current_user.is_authenticated)
        return accept(eio_sid, environ) if allowed else False

    server.eio.on("connect", handshake)


def authenticated_only(handler):
    """Event decorator: drop the connection of anyone not logged in.

    login_required does not apply to Socket.IO events, so every handler uses this.
    """

    @wraps(handler)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            disconnect()
            return {"ok": False, "error": "not_authenticated"}
        return handler(*args, **kwargs)

    return wrapped


@socketio.on("connect")
def on_connect(auth=None):
    """Refuse anonymous connections; put the connection into its user's and login's rooms.

    Cross-origin connections are refused by the Socket.IO server itself (same-origin
    check on the Origin header, see SOCKETIO_CORS_ORIGINS).
    """
    if not current_user.is_authenticated:
        return False
    join_room(user_room(current_user.id))
    join_room(login_room(current_user.get_id()))
    signals.socket_connected.send(current_user._get_current_object())
    return True


@socketio.on("disconnect")
def on_disconnect(reason=None):
    """A connection closed: features that keep per-connection state hear about it."""
    user_id = current_user.id if current_user.is_authenticated else None
    signals.socket_disconnected.send(current_app._get_current_object(), sid=request.sid,
                                     user_id=user_id)


def close_user_sockets(user_id: int) -> None:
    """Close every open connection of this user, in every app process."""
    socketio.emit(SESSION_ENDED_EVENT, {}, to=user_room(user_id))


def close_login_sockets(login_id: str) -> None:
    """Close the connections opened with one login (the browser that just logged out)."""
    socketio.emit(SESSION_ENDED_EVENT, {}, to=login_room(login_id))


def _close_now_and_after_commit(close, key) -> None:
    # Now, so nothing more reaches the sockets; after the commit once more, in case a client
    # reconnected before the logout or deactivation was committed (the handshake checks the
    # committed state). Closing a valid connection is harmless: it reconnects.
    close(key)
    on_commit(partial(close, key))


@signals.user_logged_out.connect
def _on_logged_out(sender, user, login_id: str | None = None, **extra) -> None:
    """Logout closes that browser's sockets; password change or deactivation all of them."""
    if login_id:
        _close_now_and_after_commit(close_login_sockets, login_id)
    else:
        _close_now_and_after_commit(close_user_sockets, user.id)


@signals.user_changed.connect
def _on_user_changed(sender, user, **extra) -> None:
    if not user.active:
        _close_now_and_after_commit(close_user_sockets, user.id)
