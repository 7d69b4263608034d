"""Two room kinds for tests, registered on import (by builders.py and by serve.py).

Meetings and buddy pairs register their own kinds; the chat is tested with two of its own:
"test" (every member may join, moderators moderate, a window the test can set) and "duo"
(only the people a test put into the duo, like a buddy pair).
"""
from alumni_hub.chat.rooms import register_room_kind

WINDOWS: dict[int, tuple] = {}   # ref_id -> (opens, closes) of "test" rooms; default open
DUOS: dict[int, set[int]] = {}   # ref_id -> the user ids of a "duo"

register_room_kind(
    "test",
    can_join=lambda user, ref_id: bool(user.is_active),
    can_moderate=lambda user, ref_id: bool(user.is_moderator),
    title=lambda ref_id: f"Testraum {ref_id}",
    page_url=lambda ref_id: f"/chat/test/{ref_id}",
    window=lambda ref_id: WINDOWS.get(ref_id),
    transcript_allowed=lambda user, ref_id: True,
)
register_room_kind(
    "duo",
    can_join=lambda user, ref_id: user.id in DUOS.get(ref_id, set()),
    can_moderate=lambda user, ref_id: False,
    title=lambda ref_id: f"Duo {ref_id}",
    page_url=lambda ref_id: f"/chat/duo/{ref_id}",
    window=lambda ref_id: None,
    transcript_allowed=lambda user, ref_id: user.id in DUOS.get(ref_id, set()),
)
