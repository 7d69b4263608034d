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
