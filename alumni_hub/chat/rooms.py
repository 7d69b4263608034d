"""What a chat room belongs to: features register room kinds (meeting, pair …) here.

Chat knows a room only as (kind, ref_id). The feature that owns the thing says who may
join, who moderates, what the room is called, where it lives and when it is open; it
registers in its receivers.py:

    register_room_kind(
        "meeting",
        can_join=lambda user, ref_id: ...,         # the same check as the page
        can_moderate=lambda user, ref_id: ...,
        title=lambda ref_id: ...,                  # e.g. the meeting's title
        page_url=lambda ref_id: ...,               # the page that shows the room
        window=lambda ref_id: (opens, closes),     # aware UTC datetimes, or None: always open
        transcript_allowed=lambda user, ref_id: ...,
    )

A ref_id that does not exist makes can_join return False (and title/page_url are then
never called).
"""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l

from alumni_hub.core.errors import NotFound


@dataclass(frozen=True)
class RoomKind:
    name: str
    can_join: Callable        # (user, ref_id) -> bool
    can_moderate: Callable    # (user, ref_id) -> bool
    title: Callable           # (ref_id) -> str
    page_url: Callable        # (ref_id) -> str (a path of this site)
    window: Callable          # (ref_id) -> (opens, closes) | None
    transcript_allowed: Callable  # (user, ref_id) -> bool
    # Whether a message may leave the room as a wiki tip: never for private rooms (a buddy
    # pair's), where one person would publish the other's words.
    shareable: bool = True


_KINDS: dict[str, RoomKind] = {}


def register_room_kind(name: str, *, can_join: Callable, can_moderate: Callable,
                       title: Callable, page_url: Callable, window: Callable,
                       transcript_allowed: Callable, shareable: bool = True) -> RoomKind:
    kind = RoomKind(name=name, can_join=can_join, can_moderate=can_moderate, title=title,
                    page_url=page_url, window=window, transcript_allowed=transcript_allowed,
                    shareable=shareable)
    _KINDS[name] = kind
    return kind


def room_kind(name: str) -> RoomKind:
    kind = _KINDS.get(name)
    if kind is None:
        raise NotFound(_l("Diesen Chatraum gibt es nicht."))
    return kind


def around(starts: datetime, ends: datetime) -> tuple[datetime, datetime]:
    """An event's chat window: CHAT_OPENS_BEFORE_MINUTES before its start until
    CHAT_CLOSES_AFTER_MINUTES after its end (for kinds like "meeting")."""
    config = current_app.config
    return (starts - timedelta(minutes=config["CHAT_OPENS_BEFORE_MINUTES"]),
            ends + timedelta(minutes=config["CHAT_CLOSES_AFTER_MINUTES"]))
