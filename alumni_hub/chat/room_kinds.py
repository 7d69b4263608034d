"""The room kinds the chat serves for other features: a meeting's room and a buddy pair's room."""
from datetime import UTC, datetime

from flask_babel import gettext as _

from alumni_hub.buddies import queries as buddies
from alumni_hub.buddies.models import PAIR_ACTIVE
from alumni_hub.chat.rooms import around, register_room_kind
from alumni_hub.core.errors import NotFound
from alumni_hub.core.urls import site_path
from alumni_hub.meetings import queries as meetings

# A window that lies in the past: the room stays readable but nobody writes (moderators
# may still open it by hand).
_CLOSED = (datetime.min.replace(tzinfo=UTC), datetime.min.replace(tzinfo=UTC))


def _meeting(ref_id: int):
    try:
        return meetings.get_meeting(ref_id)
    except NotFound:
        return None


def meeting_can_join(user, ref_id: int) -> bool:
    """The same as the meeting page: every active member, also for cancelled meetings
    (their room is read-only)."""
    return bool(user.is_active) and _meeting(ref_id) is not None


def meeting_window(ref_id: int):
    meeting = _meeting(ref_id)
    if meeting is None or meeting.cancelled:
        return _CLOSED
    return around(*meetings.meeting_window(meeting))


register_room_kind(
    "meeting",
    can_join=meeting_can_join,
    can_moderate=lambda user, ref_id: meetings.can_moderate(user),
    title=lambda ref_id: meetings.get_meeting(ref_id).title,
    page_url=lambda ref_id: site_path("meetings.view_meeting", meeting_id=ref_id),
    window=meeting_window,
    transcript_allowed=meeting_can_join,
)


def pair_can_join(user, ref_id: int) -> bool:
    """Only the two people of the pair; moderators never read a pair's messages."""
    return buddies.is_pair_member(user, ref_id)


def pair_window(ref_id: int):
    """Open while the pair is active; an ended pair keeps its history for the two, read-only."""
    pair = buddies.get_pair(ref_id)
    return None if pair is not None and pair.status == PAIR_ACTIVE else _CLOSED


def pair_title(ref_id: int) -> str:
    pair = buddies.get_pair(ref_id)
    return _("%(buddy)s und %(newcomer)s", buddy=pair.buddy.display_name,
             newcomer=pair.newcomer.display_name)


register_room_kind(
    "pair",
    can_join=pair_can_join,
    can_moderate=lambda user, ref_id: False,
    title=pair_title,
    page_url=lambda ref_id: site_path("buddies.view_pair", pair_id=ref_id),
    window=pair_window,
    transcript_allowed=pair_can_join,
    shareable=False,
)
