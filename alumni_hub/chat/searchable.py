"""What the chat makes searchable: messages of meeting rooms for every member, messages of a
pair's room only for the two; deleted messages are never found."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import BuddyPair
from alumni_hub.chat.models import Message, Room
from alumni_hub.chat.reporting import message_path
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.moderating import SEARCH_SOURCE
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting
from alumni_hub.search.models import MEMBERS
from alumni_hub.search.providers import (Document, Related, SearchProvider, plain_text,
                                         register_search_provider)

SEARCHABLE_KINDS = ("meeting", "pair")


def _load(ids):
    return db.session.scalars(select(Message).where(Message.id.in_(ids)).options(
        joinedload(Message.room), joinedload(Message.author)))


def pair_audience(pair_id: int) -> str:
    return f"chat-pair:{pair_id}"


def message_document(message: Message) -> Document | None:
    room = message.room
    if not message.visible or room.kind not in SEARCHABLE_KINDS:
        return None
    return Document(
        title=str(room_kind(room.kind).title(room.ref_id)), body=plain_text(message.body_html),
        url=message_path(message), created_at=message.created_at,
        author_id=message.author_id,
        author_name=message.author.display_name if message.author else "",
        visibility=MEMBERS, index_title=False,
        audience=pair_audience(room.ref_id) if room.kind == "pair" else None)


def _audiences(user):
    """The pairs (active or ended) whose room the user may read."""
    return [pair_audience(pair_id) for pair_id in db.session.scalars(
        select(BuddyPair.id).where(or_(BuddyPair.buddy_id == user.id,
                                       BuddyPair.newcomer_id == user.id)))]


def _in_room(kind: str, ref_id: int):
    return select(Message.id).join(Room, Message.room_id == Room.id).where(
        Room.kind == kind, Room.ref_id == ref_id)


register_search_provider(SearchProvider(
    source=SEARCH_SOURCE, kind="chat", label=_l("Chat"), model=Message, order=40,
    load=_load, document=message_document,
    dated_ids=lambda: select(Message.id, Message.created_at),
    audiences=_audiences, fields=("body_html", "deleted_at"),
    related=(
        Related(Meeting, ("title",), lambda meeting: _in_room("meeting", meeting.id)),
        Related(User, ("display_name",),
                lambda user: select(Message.id).where(Message.author_id == user.id)),
    )))
