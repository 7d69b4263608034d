"""Socket.IO handlers for a room's moderators: delete, answered, mute, open/close — all live —
and copying a message into the recap draft."""
from flask_babel import lazy_gettext as _l

from alumni_hub.chat import live
from alumni_hub.chat.access import check_moderate
from alumni_hub.chat.events import (as_dict, broadcast_change, int_arg, load_message, load_room,
                                    refuse, user)
from alumni_hub.chat.queries import author_name
from alumni_hub.chat.services.moderating import (delete_message, mute_member, set_answered,
                                                 set_room_state)
from alumni_hub.core import signals
from alumni_hub.core.errors import AlumniHubError, ValidationError
from alumni_hub.core.realtime import authenticated_only
from alumni_hub.extensions import db, socketio


@socketio.on("chat:delete")
@authenticated_only
def on_delete(data=None):
    """Moderator sends {message}; it disappears for everyone ("chat:update", deleted)."""
    try:
        message = load_message(as_dict(data))
        check_moderate(user(), message.room)
        change = delete_message(actor=user(), message=message)
    except AlumniHubError as error:
        return refuse(error)
    if change is None:
        return {"ok": True}
    return broadcast_change(message, change)


@socketio.on("chat:answer")
@authenticated_only
def on_answer(data=None):
    """Moderator sends {message, answered: bool}; "chat:update" to the room."""
    data = as_dict(data)
    try:
        message = load_message(data)
        check_moderate(user(), message.room)
        change = set_answered(actor=user(), message=message, answered=data.get("answered") is True)
    except AlumniHubError as error:
        return refuse(error)
    return broadcast_change(message, change)


@socketio.on("chat:mute")
@authenticated_only
def on_mute(data=None):
    """Moderator sends {room, user, minutes} (5, 15, 60 or 1440; 0 lifts the mute early).

    The member's tabs get "chat:muted" {room, until}, the room's moderators "chat:mutes"
    {room, muted: [{id, name, until}]}; ack: {ok, until}.
    """
    data = as_dict(data)
    try:
        room = load_room(data)
        check_moderate(user(), room)
        member_id = int_arg(data, "user")
        mute = mute_member(actor=user(), room=room, user_id=member_id,
                           minutes=data.get("minutes"))
        db.session.commit()
    except AlumniHubError as error:
        return refuse(error)
    until = mute.until if mute is not None else None
    live.muted(room.id, member_id, until)
    live.mutes(room.id)
    return {"ok": True, "until": until.isoformat() if until else None}


@socketio.on("chat:state")
@authenticated_only
def on_state(data=None):
    """Moderator sends {room, state: "open" | "closed" | "auto"}; "chat:state" to the room."""
    data = as_dict(data)
    try:
        room = load_room(data)
        check_moderate(user(), room)
        set_room_state(actor=user(), room=room, state=data.get("state"))
        db.session.commit()
    except AlumniHubError as error:
        return refuse(error)
    live.state(room)
    return {"ok": True, **live.room_state(room)}


@socketio.on("chat:recap")
@authenticated_only
def on_recap(data=None):
    """Moderator sends {message}; its text goes into the recap draft of the room's thing
    (the meeting), through core.signals.chat_message_to_recap. Ack: {ok} or the refusal."""
    try:
        message = load_message(as_dict(data))
        room = message.room
        check_moderate(user(), room)
        if not message.visible or not signals.chat_message_to_recap.has_receivers_for(room.kind):
            raise ValidationError(_l("Diese Nachricht kann nicht ins Protokoll übernommen "
                                     "werden."), field="recap")
        signals.chat_message_to_recap.send(room.kind, ref_id=room.ref_id,
                                           text_md=message.body_md,
                                           author_name=author_name(message), actor=user())
        db.session.commit()
    except AlumniHubError as error:
        return refuse(error)
    return {"ok": True}
