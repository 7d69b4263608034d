"""The chat's routes in the route matrix: a "test" room every member may use."""
import uuid

from alumni_hub.accounts.models import User
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.messages import get_or_create_room, send_message
from alumni_hub.extensions import db

MEMBER, MODERATOR = "member", "moderator"

ACCESS = {
    "chat.view_room": MEMBER,
    "chat.post_message": MEMBER,
    "chat.download_transcript": MEMBER,
    "chat.report_message": MEMBER,
    "chat.set_room_state": MODERATOR,
    "chat.delete_message": MODERATOR,
    "chat.mute_member": MODERATOR,
    "chat.unmute_member": MODERATOR,
}
ARG_KEYS = {endpoint: {"kind": "chat_kind", "ref_id": "chat_ref_id",
                       "message_id": "chat_message_id"} for endpoint in ACCESS}


def build(users, values) -> dict:
    """A "test" room (tests/chat/kinds.py) with one message by the member."""
    room = get_or_create_room(kind_name="test", ref_id=1)
    message, _created = send_message(
        user=db.session.get(User, users["member"].id), room=room, kind=room_kind("test"),
        client_id=str(uuid.uuid4()), body="Hallo aus dem Chat")
    return {"chat_kind": "test", "chat_ref_id": 1, "chat_message_id": message.id}


# The accessibility gate (tests/browser/test_accessibility.py), on the demo data: the next
# meeting's room with a message by someone else than the demo member, its report form.
A11Y_PAGES = [
    ("member", "/chat/meeting/{a11y_chat_meeting_id}"),
    ("member", "/chat/nachricht/{a11y_chat_message_id}/melden"),
    ("moderator", "/chat/meeting/{a11y_chat_meeting_id}"),
]


def a11y_values() -> dict:
    from sqlalchemy import select  # noqa: PLC0415 - only the gate needs it

    from alumni_hub.core.db import utcnow  # noqa: PLC0415
    from alumni_hub.meetings.models import Meeting  # noqa: PLC0415

    meeting_id = db.session.scalar(select(Meeting.id).where(Meeting.ends_at > utcnow())
                                   .order_by(Meeting.starts_at).limit(1))
    author = db.session.scalar(select(User).where(User.email == "moderator@example.org"))
    room = get_or_create_room(kind_name="meeting", ref_id=meeting_id)
    room.state = "open"   # the demo meeting lies ahead: open its room for this message
    message, _created = send_message(user=author, room=room, kind=room_kind("meeting"),
                                     client_id=str(uuid.uuid4()),
                                     body="Willkommen! Fragen gern als **Frage** markieren.",
                                     question=True)
    return {"a11y_chat_meeting_id": meeting_id, "a11y_chat_message_id": message.id}
