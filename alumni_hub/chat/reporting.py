"""Chat messages in moderation's report queue, and as sources of wiki tips."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.chat.access import get_message
from alumni_hub.chat.models import Message
from alumni_hub.chat.queries import author_name
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.moderating import delete_message
from alumni_hub.core.errors import NotFound, ValidationError
from alumni_hub.core.markup import render_inline_plain
from alumni_hub.extensions import db
from alumni_hub.moderation.targets import Reported
from alumni_hub.wiki.sources import TipSource


def message_path(message: Message) -> str:
    """The message in its room, on the page that shows the room."""
    return f"{room_kind(message.room.kind).page_url(message.room.ref_id)}#chat-msg-{message.seq}"


def load_reported(ids: list[int]) -> dict[int, Reported]:
    """The report queue's view of chat messages, in one query."""
    messages = db.session.scalars(select(Message).options(
        joinedload(Message.author), joinedload(Message.room)).where(Message.id.in_(ids)))
    return {m.id: Reported(title=str(room_kind(m.room.kind).title(m.room.ref_id)),
                           excerpt=render_inline_plain(m.body_md, 300),
                           url=message_path(m), author_name=author_name(m), gone=not m.visible)
            for m in messages}


def remove_reported(target_id: int, actor, reason: str) -> None:
    """Hiding and deleting are the same in a chat: the message disappears for everyone."""
    message = db.session.get(Message, target_id)
    if message is not None:
        delete_message(actor=actor, message=message, reason=reason)


def check_reportable(reporter, target_id: int) -> None:
    message = get_message(target_id, user=reporter)
    if not message.visible:
        raise NotFound(_l("Diese Nachricht wurde schon gelöscht."))
    if message.author_id == reporter.id:
        raise ValidationError(_l("Deine eigene Nachricht kannst du nicht melden."),
                              field="reason")


def tip_source(source_id: int, user) -> TipSource:
    """A visible message, for people who may see its room, as the text of a wiki tip."""
    message = get_message(source_id, user=user)
    if not message.visible:
        raise NotFound(_l("Diese Nachricht gibt es nicht."))
    kind = room_kind(message.room.kind)
    if not kind.shareable:
        raise NotFound(_l("Nachrichten aus privaten Räumen werden nicht ins Wiki übernommen."))
    return TipSource(text_md=message.body_md, url=message_path(message),
                     author_name=author_name(message), title=str(kind.title(message.room.ref_id)),
                     origin=_l("im Chat"))
