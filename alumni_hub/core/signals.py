"""Blinker signals through which features react to each other without importing internals."""
from blinker import Namespace

_signals = Namespace()

# sender: the app; kwargs: user (User) — fired after a user's role or status changed.
user_changed = _signals.signal("user-changed")

# sender: the User whose Socket.IO connection was just accepted (e.g. to push the unread count).
socket_connected = _signals.signal("socket-connected")

# sender: the app; kwargs: user (User) — a new account exists (invitation used, create-admin).
# Members creates the profile here; other features may prepare their own rows.
user_registered = _signals.signal("user-registered")

# sender: the app; kwargs: user (User), optionally login_id (str, the Flask-Login id of the
# browser that logged out) — the user logged out, was deactivated or changed password: open
# Socket.IO connections of that login (with login_id) or of that user (without) are closed.
user_logged_out = _signals.signal("user-logged-out")

# sender: the app; kwargs: meeting_id (int), series_id (int | None), attendee_ids (list[int])
# — an alumni meeting is over (sent once per meeting by `flask send-reminders`).
meeting_ended = _signals.signal("meeting-ended")
