"""Who may join, write in and moderate a room; loading rooms and messages with those checks."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.chat.models import Message, Room
from alumni_hub.chat.rooms import RoomKind, room_kind
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import NotFound, PermissionDenied
from alumni_hub.extensions import db


def room_key(room_id: int) -> str:
    """The Socket.IO room of a chat room's live connections."""
    return f"chat:{room_id}"


def moderators_key(room_id: int) -> str:
    """The Socket.IO room of the connections of the room's moderators (who is muted)."""
    return f"chat:{room_id}:moderators"


def check_join(user, kind_name: str, ref_id: int) -> RoomKind:
    """The room kind, if `user` may be in this room; NotFound/PermissionDenied otherwise."""
    kind = room_kind(kind_name)
    if user is None or not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_l("Bitte melde dich an."))
    if not kind.can_join(user, ref_id):
        raise PermissionDenied(_l("Du hast keinen Zugang zu diesem Chatraum."))
    return kind


def check_moderate(user, room: Room) -> RoomKind:
    kind = room_kind(room.kind)
    if not kind.can_moderate(user, room.ref_id):
        raise PermissionDenied(_l("Nur Moderator:innen dieses Chatraums dürfen das."))
    return kind


def can_moderate(user, room: Room) -> bool:
    return bool(room_kind(room.kind).can_moderate(user, room.ref_id))


def find_room(kind_name: str, ref_id: int) -> Room | None:
    return db.session.scalar(select(Room).where(Room.kind == kind_name, Room.ref_id == ref_id))


def is_open(room: Room | None, kind: RoomKind, ref_id: int, now=None) -> bool:
    """Moderators' open/close wins; otherwise the kind's window (None: always open)."""
    if room is not None and room.state != "auto":
        return room.state == "open"
    window = kind.window(ref_id)
    if window is None:
        return True
    now = now or utcnow()
    opens, closes = window
    return opens <= now <= closes


def get_message(message_id: int, *, user) -> Message:
    """The message, if `user` may see its room."""
    message = db.session.get(Message, message_id)
    if message is None:
        raise NotFound(_l("Diese Nachricht gibt es nicht."))
    room = db.session.get(Room, message.room_id)
    kind = room_kind(room.kind)
    if not kind.can_join(user, room.ref_id):
        raise NotFound(_l("Diese Nachricht gibt es nicht."))
    return message
