"""Socket.IO side of notifications: the live unread badge.

Server → client event `notifications:unread` {"count": int}: sent to the connecting
client right after connect, and to the user's own room (core.realtime.user_room) after
every commit that changed their notifications (see dispatch.py).
"""
from flask_socketio import emit

from alumni_hub.core import signals
from alumni_hub.notifications.dispatch import UNREAD_EVENT
from alumni_hub.notifications.services import unread_count


@signals.socket_connected.connect
def send_count_on_connect(user, **extra) -> None:
    """A freshly connected page learns the current count (it may be newer than the HTML)."""
    emit(UNREAD_EVENT, {"count": unread_count(user_id=user.id)})
