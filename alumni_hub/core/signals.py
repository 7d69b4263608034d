"""Blinker signals through which features react to each other without importing internals."""
from blinker import Namespace

_signals = Namespace()

# sender: the app; kwargs: user (User) — fired after a user's role or status changed.
user_changed = _signals.signal("user-changed")

# sender: the User whose Socket.IO connection was just accepted (e.g. to push the unread count).
socket_connected = _signals.signal("socket-connected")
