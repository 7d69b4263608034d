"""Blinker signals through which features react to each other without importing internals."""
from blinker import Namespace

_signals = Namespace()

# sender: the app; kwargs: user (User) — fired after a user's role or status changed.
user_changed = _signals.signal("user-changed")

# sender: the User whose Socket.IO connection was just accepted (e.g. to push the unread count).
socket_connected = _signals.signal("socket-connected")

# sender: the app; kwargs: user (User), choices (dict: what the person chose while registering,
# e.g. listed_in_directory, show_email; empty for create-admin) — a new account exists.
# Members creates the profile here; other features may prepare their own rows.
user_registered = _signals.signal("user-registered")

# sender: the app; kwargs: user (User), optionally login_id (str, the Flask-Login id of the
# browser that logged out) — the user logged out, was deactivated or changed password: open
# Socket.IO connections of that login (with login_id) or of that user (without) are closed.
user_logged_out = _signals.signal("user-logged-out")

# sender: the app; kwargs: meeting_id (int), series_id (int | None), attendee_ids (list[int])
# — an alumni meeting is over (sent once per meeting by `flask send-reminders`).
meeting_ended = _signals.signal("meeting-ended")

# sender: the app; kwargs: sid (str), user_id (int | None) — a Socket.IO connection closed
# (tab closed, network gone, logged out); e.g. chat forgets that connection's presence.
socket_disconnected = _signals.signal("socket-disconnected")

# sender: the chat room's kind (str, e.g. "meeting"); kwargs: ref_id (int), text_md (str),
# author_name (str), actor (User) — a moderator copies a chat message into the recap draft
# of the thing the room belongs to. The owner of that kind connects for its sender, adds
# the text (flush, no commit) and may raise core.errors.AlumniHubError to refuse.
chat_message_to_recap = _signals.signal("chat-message-to-recap")

# sender: the chat room's kind (str, e.g. "pair"); kwargs: ref_id (int), user_id (int) — a new
# chat message was stored (flushed, not yet committed: receivers only change rows, the chat
# commits). E.g. buddies count a message in a pair's room as the pair's activity.
chat_message_stored = _signals.signal("chat-message-stored")
