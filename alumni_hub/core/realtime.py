"""Socket.IO plumbing every feature shares: authenticated connections and per-user rooms."""
from functools import wraps

from flask import current_app, request
from flask_login import current_user
from flask_socketio import disconnect, join_room

from alumni_hub.core import signals
from alumni_hub.extensions import socketio


def user_room(user_id: int) -> str:
    """The room only this user's own connections join (live badge, personal events)."""
    return f"user:{user_id}"


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
    """Refuse anonymous connections; put the user's connection into their own room.

    Cross-origin connections are refused by the Socket.IO server itself (same-origin
    check on the Origin header, see SOCKETIO_CORS_ORIGINS).
    """
    if not current_user.is_authenticated:
        return False
    join_room(user_room(current_user.id))
    signals.socket_connected.send(current_user._get_current_object())
    return True


@socketio.on("disconnect")
def on_disconnect(reason=None):
    """A connection closed: features that keep per-connection state hear about it."""
    user_id = current_user.id if current_user.is_authenticated else None
    signals.socket_disconnected.send(current_app._get_current_object(), sid=request.sid,
                                     user_id=user_id)
