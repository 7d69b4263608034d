"""Socket.IO handlers of the chat: join, sync, send, typing, reactions, votes, presence.

Every handler answers through the acknowledgement ({"ok": True, …} or {"ok": False,
"error": German text, "field": …}); refusals are also sent as a "chat:error" event to the
sender. Writes are committed before anything is broadcast.
"""
from flask import current_app, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_socketio import emit, join_room, leave_room
from sqlalchemy.exc import IntegrityError

from alumni_hub.chat import live, throttle
from alumni_hub.chat.access import can_moderate, check_join, moderators_key, room_key
from alumni_hub.chat.models import MAX_ID, Message, Room
from alumni_hub.chat.queries import (changed_after, messages_after, mute_payloads,
                                    muted_members, payloads)
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services import presence
from alumni_hub.chat.services.presence import present
from alumni_hub.chat.services.messages import (check_writable, get_or_create_room, muted_until,
                                               send_message, store_failed, stored_message,
                                               toggle_reaction,
                                               toggle_vote, valid_client_id)
from alumni_hub.core.errors import AlumniHubError, NotFound, ValidationError
from alumni_hub.core.realtime import authenticated_only
from alumni_hub.extensions import db, socketio


def refuse(error: AlumniHubError, **extra) -> dict:
    """Roll back, tell the sender (event + ack) in their language."""
    db.session.rollback()
    answer = {"ok": False, "error": str(error.message), "field": error.field, **extra}
    emit("chat:error", answer)
    return answer


def int_arg(data: dict, key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_ID:
        raise ValidationError(_l("Die Anfrage ist unvollständig."), field=key)
    return value


def as_dict(data) -> dict:
    return data if isinstance(data, dict) else {}


def user():
    return current_user._get_current_object()


def load_room(data: dict) -> Room:
    """The room named by data["room"], if the current user may be in it."""
    room = db.session.get(Room, int_arg(data, "room"))
    if room is None:
        raise NotFound(_l("Diesen Chatraum gibt es nicht."))
    check_join(user(), room.kind, room.ref_id)
    return room


def load_message(data: dict) -> Message:
    message = db.session.get(Message, int_arg(data, "message"))
    if message is None:
        raise NotFound(_l("Diese Nachricht gibt es nicht."))
    check_join(user(), message.room.kind, message.room.ref_id)
    return message


def _position(data: dict, key: str) -> int:
    """A sequence number the client saw; anything else counts as "nothing seen yet"."""
    value = data.get(key)
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31
    return value if ok else 0


def catch_up(room: Room, data: dict) -> dict:
    """Messages after data["after_seq"] and changes after data["after_change"], in order."""
    after_seq, after_change = _position(data, "after_seq"), _position(data, "after_change")
    messages = messages_after(room.id, after_seq)
    changed = changed_after(room.id, after_change) if after_change < room.change_seq else []
    return {"ok": True, "room": room.id, "messages": payloads(messages),
            "changes": payloads(changed), "last_seq": room.last_seq,
            "change_seq": room.change_seq,
            "more": bool(messages) and messages[-1].seq < room.last_seq}


@socketio.on("chat:join")
@authenticated_only
def on_join(data=None):
    """Client sends {kind, ref_id, after_seq, after_change}; joins the room's broadcasts.

    Ack: catch_up() plus the room state, who is there ("people"), can_moderate,
    muted_until and, for moderators, who is muted ("muted", see chat:mute). The others
    get "chat:presence" {room, joined: {id, name}} if this person was not there yet.
    """
    data = as_dict(data)
    try:
        kind_name, ref_id = str(data.get("kind", "")), int_arg(data, "ref_id")
        check_join(user(), kind_name, ref_id)
        room = get_or_create_room(kind_name=kind_name, ref_id=ref_id)
        new_here = presence.enter(room_id=room.id, user_id=current_user.id, sid=request.sid)
        db.session.commit()
    except AlumniHubError as error:
        return refuse(error)
    join_room(room_key(room.id))
    moderating = can_moderate(user(), room)
    if moderating:
        join_room(moderators_key(room.id))
    until = muted_until(user=user(), room=room)
    answer = {**catch_up(room, data), **live.room_state(room),
              "can_moderate": moderating, "people": present(room.id),
              "muted_until": until.isoformat() if until else None,
              "muted": mute_payloads(muted_members(room.id)) if moderating else []}
    if new_here:
        live.joined(room.id, user())
    return answer


@socketio.on("chat:sync")
@authenticated_only
def on_sync(data=None):
    """Client sends {room, after_seq, after_change} (a gap, or "more" after join);
    ack: the next batch of messages and changes, like chat:join."""
    data = as_dict(data)
    try:
        room = load_room(data)
    except AlumniHubError as error:
        return refuse(error)
    return catch_up(room, data)


@socketio.on("chat:leave")
@authenticated_only
def on_leave(data=None):
    """Client sends {room}; stops the broadcasts; "chat:presence" {room, left: user id} to
    the rest, unless another tab keeps the person in the room."""
    data = as_dict(data)
    try:
        room_id = int_arg(data, "room")
    except AlumniHubError as error:
        return refuse(error)
    leave_room(room_key(room_id))
    leave_room(moderators_key(room_id))
    gone = presence.leave(sid=request.sid, room_id=room_id)
    db.session.commit()
    for room, user_id in gone:
        live.left(room, user_id)
    return {"ok": True}


@socketio.on("chat:send")
@authenticated_only
def on_send(data=None):
    """Client sends {room, client_id (UUID), body, reply_to (seq or null), question}.

    The message is stored first, then "chat:message" goes to the room; ack: {ok, message,
    duplicate}. A resent client_id is acknowledged with the stored message, not broadcast.
    """
    data = as_dict(data)
    try:
        room = load_room(data)
        room_id, client_id = room.id, valid_client_id(data.get("client_id"))
        message, created = send_message(
            user=user(), room=room, kind=room_kind(room.kind),
            client_id=client_id, body=data.get("body"), reply_to_seq=data.get("reply_to"),
            question=data.get("question") is True)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        message, created = stored_message(room_id, client_id), False
        if message is None:
            # Not a resend: the sender gets the text back instead of a crashed handler.
            current_app.logger.exception("chat:send: message in room %s not stored", room_id)
            return refuse(store_failed(), client_id=data.get("client_id"))
    except AlumniHubError as error:
        return refuse(error, client_id=data.get("client_id"))
    [payload] = payloads([message])
    if created:
        live.message(payload)
    return {"ok": True, "message": payload, "duplicate": not created}


@socketio.on("chat:typing")
@authenticated_only
def on_typing(data=None):
    """Client sends {room} while typing (at most every few seconds); the others get
    "chat:typing" {room, user_id, name}. Nothing is stored. Refused where the person
    could not send (closed room, muted) and when sent more often than the page's script
    does (static/js/chat/presence.js)."""
    try:
        room = load_room(as_dict(data))
        check_writable(user=user(), room=room, kind=room_kind(room.kind))
        throttle.check(throttle.TYPING, "typing", current_user.id)
    except AlumniHubError as error:
        return refuse(error)
    emit("chat:typing", {"room": room.id, "user_id": current_user.id,
                         "name": current_user.display_name},
         to=room_key(room.id), include_self=False)
    return {"ok": True}


@socketio.on("chat:ping")
@authenticated_only
def on_ping(data=None):
    """Heartbeat every 30 s: keeps this connection in the presence lists."""
    presence.beat(sid=request.sid)
    db.session.commit()
    return {"ok": True}


def broadcast_change(message: Message, change_seq: int) -> dict:
    """Commit; the room hears "chat:update" from live.py right after the commit."""
    db.session.commit()
    return {"ok": True, "message": message.id, "change": change_seq}


@socketio.on("chat:react")
@authenticated_only
def on_react(data=None):
    """Client sends {message, emoji}; toggles the reaction; "chat:update" to the room."""
    data = as_dict(data)
    try:
        message = load_message(data)
        throttle.check(throttle.CHANGES, "change", current_user.id)
        change = toggle_reaction(user=user(), message=message, emoji=data.get("emoji"))
    except AlumniHubError as error:
        return refuse(error)
    return broadcast_change(message, change)


@socketio.on("chat:vote")
@authenticated_only
def on_vote(data=None):
    """Client sends {message}; toggles the vote on a question; "chat:update" to the room."""
    try:
        message = load_message(as_dict(data))
        throttle.check(throttle.CHANGES, "change", current_user.id)
        change = toggle_vote(user=user(), message=message)
    except AlumniHubError as error:
        return refuse(error)
    return broadcast_change(message, change)


from alumni_hub.chat import events_moderation  # noqa: E402,F401
