"""What the server pushes to a room's open connections, always after the commit."""
import logging

from flask import current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session
from alumni_hub.chat.access import is_open, moderators_key, room_key
from alumni_hub.chat.models import Message, Room
from alumni_hub.chat.queries import mute_payloads, muted_members, payloads
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.messages import CHANGED_MESSAGES
from alumni_hub.core.realtime import user_room
from alumni_hub.extensions import db, socketio

log = logging.getLogger(__name__)


def room_state(room: Room) -> dict:
    kind = room_kind(room.kind)
    return {"room": room.id, "state": room.state, "open": is_open(room, kind, room.ref_id)}


def message(payload: dict) -> None:
    socketio.emit("chat:message", payload, to=room_key(payload["room"]))


def update(payload: dict, change_seq: int) -> None:
    """A message changed (deleted, reactions, votes, answered): its whole current state."""
    socketio.emit("chat:update", {"change": change_seq, "message": payload},
                  to=room_key(payload["room"]))


def state(room: Room) -> None:
    socketio.emit("chat:state", room_state(room), to=room_key(room.id))


def joined(room_id: int, user) -> None:
    """Presence changes go out as deltas: a full list to everyone on every join would be
    O(people²) bytes when a meeting starts and hundreds enter at once."""
    socketio.emit("chat:presence", {"room": room_id, "joined": {
        "id": user.id, "name": user.display_name}}, to=room_key(room_id))


def left(room_id: int, user_id: int) -> None:
    socketio.emit("chat:presence", {"room": room_id, "left": user_id}, to=room_key(room_id))


def muted(room_id: int, user_id: int, until) -> None:
    """Tells every open tab of the member at once; their next send is refused anyway."""
    socketio.emit("chat:muted", {"room": room_id,
                                 "until": until.isoformat() if until else None},
                  to=user_room(user_id))


def mutes(room_id: int) -> None:
    """The room's moderators see the new list of who is muted (only they may see it)."""
    socketio.emit("chat:mutes", {"room": room_id, "muted": mute_payloads(muted_members(room_id))},
                  to=moderators_key(room_id))


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    changed = session.info.pop(CHANGED_MESSAGES, None)
    if not changed:
        return
    # The committed session may not emit SQL here; a fresh app context has its own session.
    with current_app.app_context():
        try:
            messages = db.session.scalars(select(Message).where(Message.id.in_(changed)))
            for payload in payloads(list(messages)):
                update(payload, changed[payload["id"]])
        except Exception:  # committed already; clients catch up on their next sync
            db.session.rollback()
            log.exception("Broadcasting chat changes %s failed", sorted(changed))


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(CHANGED_MESSAGES, None)
