"""The chat's routes in the route matrix: a "test" room every member may use."""
MEMBER = "member"

ACCESS = {
    "chat.view_room": MEMBER,
    "chat.post_message": MEMBER,
    "chat.download_transcript": MEMBER,
}
ARG_KEYS = {endpoint: {"kind": "chat_kind", "ref_id": "chat_ref_id"} for endpoint in ACCESS}


def build(users, values) -> dict:
    return {"chat_kind": "test", "chat_ref_id": 1}
