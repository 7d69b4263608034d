"""Writing messages: rooms on first use, validation, gapless sequence numbers, reactions, votes."""
import uuid
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from alumni_hub.accounts.models import User
from alumni_hub.boards.mentions import extract_mentions
from alumni_hub.chat.access import find_room, is_open
from alumni_hub.chat.models import (MAX_ID, MAX_LENGTH, REACTIONS, Change, Message, Mute,
                                    Reaction, Room, Vote)
from alumni_hub.chat.rooms import RoomKind, room_kind
from alumni_hub.core import signals
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import NotFound, ValidationError
from alumni_hub.core.markup import render
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify

# session.info key: {message id: change_seq} to broadcast after the commit (see live.py).
CHANGED_MESSAGES = "chat_changed_messages"


def get_or_create_room(*, kind_name: str, ref_id: int) -> Room:
    """The room of (kind, ref_id), created and committed on first use.

    It commits on its own (the one exception to "services never commit") because two
    people entering a new room at once must end in the same row: the loser of the
    insert race rolls back and reads the winner's room. Call it before other writes.
    """
    room = find_room(kind_name, ref_id)
    if room is not None:
        return room
    db.session.add(Room(kind=kind_name, ref_id=ref_id, state="auto", last_seq=0, change_seq=0))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
    return find_room(kind_name, ref_id)


def valid_client_id(value) -> str:
    """The sender's message id: a UUID, normalised to its canonical text."""
    try:
        return str(uuid.UUID(str(value)))
    except (TypeError, ValueError, AttributeError):
        raise ValidationError(_l("Die Nachricht hat keine gültige Kennung."),
                              field="client_id") from None


def stored_message(room_id: int, client_id: str) -> Message | None:
    return db.session.scalar(select(Message).where(Message.room_id == room_id,
                                                   Message.client_id == client_id))


def store_failed() -> ValidationError:
    """The insert broke a rule other than a resent client id (say, a room counter behind
    its messages after a restore): nothing is stored, the sender should try again."""
    return ValidationError(_l("Die Nachricht konnte nicht gespeichert werden. Bitte sende "
                              "sie noch einmal."), field="store")


def next_seq(column, room_id: int) -> int:
    """Raise the room's counter and return it; the row stays locked until the commit, so
    concurrent writers (threads or processes) get consecutive numbers, never the same."""
    return db.session.execute(
        update(Room).where(Room.id == room_id).values({column: column + 1})
        .returning(column)).scalar_one()


def send_message(*, user, room: Room, kind: RoomKind, client_id, body, reply_to_seq=None,
                 question: bool = False) -> tuple[Message, bool]:
    """Store a message; returns (message, created). A resend of a stored id returns the
    stored message with created=False. The caller commits, then broadcasts; if the commit
    fails with IntegrityError, a concurrent resend won: load stored_message() instead, and
    if there is none, answer with store_failed()."""
    client_id = valid_client_id(client_id)
    existing = stored_message(room.id, client_id)
    if existing is not None:
        return existing, False
    text = _valid_body(body)
    check_writable(user=user, room=room, kind=kind)
    _check_rate(user)
    reply_to = _reply_target(room.id, reply_to_seq)
    seq = next_seq(Room.last_seq, room.id)
    message = Message(room_id=room.id, seq=seq, client_id=client_id, author_id=user.id,
                      body_md=text, body_html=render(text), is_question=bool(question),
                      reply_to_id=reply_to.id if reply_to else None, created_at=utcnow())
    db.session.add(message)
    db.session.flush()
    _notify_mentions(message=message, author=user, kind=kind, ref_id=room.ref_id)
    signals.chat_message_stored.send(room.kind, ref_id=room.ref_id, user_id=user.id)
    return message, True


def _valid_body(body) -> str:
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        raise ValidationError(_l("Die Nachricht ist leer."), field="body")
    if len(text) > MAX_LENGTH:
        raise ValidationError(_l("Eine Nachricht darf höchstens %(max)d Zeichen lang sein.",
                                 max=MAX_LENGTH), field="body")
    return text


def muted_until(*, user, room: Room):
    """The end of the user's mute in this room, or None."""
    until = db.session.scalar(select(Mute.until).where(Mute.room_id == room.id,
                                                       Mute.user_id == user.id))
    return until if until is not None and until > utcnow() else None


def check_not_muted(*, user, room: Room) -> None:
    if muted_until(user=user, room=room) is not None:
        raise ValidationError(_l("Du bist in diesem Chatraum vorübergehend stummgeschaltet."),
                              field="muted")


def check_writable(*, user, room: Room, kind: RoomKind) -> None:
    """Writing (messages, reactions, votes, typing) needs an open room and no mute."""
    if not is_open(room, kind, room.ref_id):
        raise ValidationError(_l("Der Chatraum ist gerade geschlossen."), field="room")
    check_not_muted(user=user, room=room)


def _check_rate(user) -> None:
    config = current_app.config
    since = utcnow() - timedelta(seconds=config["CHAT_RATE_SECONDS"])
    recent = db.session.scalar(select(func.count()).select_from(Message).where(
        Message.author_id == user.id, Message.created_at > since))
    if recent >= config["CHAT_RATE_COUNT"]:
        raise ValidationError(_l("Du schreibst gerade sehr schnell. Bitte warte einen "
                                 "Moment, bevor du die nächste Nachricht sendest."),
                              field="rate")


def _reply_target(room_id: int, reply_to_seq) -> Message | None:
    if reply_to_seq in (None, "", 0):
        return None
    if not isinstance(reply_to_seq, int) or isinstance(reply_to_seq, bool) \
            or not 0 < reply_to_seq <= MAX_ID:
        raise ValidationError(_l("Die Nachricht, auf die du antwortest, gibt es nicht."),
                              field="reply_to")
    target = db.session.scalar(select(Message).where(Message.room_id == room_id,
                                                     Message.seq == reply_to_seq))
    if target is None or not target.visible:
        raise ValidationError(_l("Die Nachricht, auf die du antwortest, gibt es nicht."),
                              field="reply_to")
    return target


def _notify_mentions(*, message: Message, author, kind: RoomKind, ref_id: int) -> None:
    """@Name tells that member, if they may be in this room (a pair's chat stays private)."""
    names = extract_mentions(message.body_md)
    if not names:
        return
    users = db.session.scalars(select(User).where(
        func.lower(User.display_name).in_(names), User.active.is_(True))).all()
    recipients = [u for u in users if kind.can_join(u, ref_id)]
    if recipients:
        notify(kind=Kind.CHAT_MENTION, recipients=recipients,
               url=f"{kind.page_url(ref_id)}#chat-msg-{message.seq}", actor=author,
               params={"title": kind.title(ref_id)}, group_key=f"chat:{message.room_id}")


def record_change(message: Message) -> int:
    """Log that `message` changed; returns the room's new change_seq. After the commit
    its new state goes to the room (live.py), whoever commits: event, route or report queue."""
    seq = next_seq(Room.change_seq, message.room_id)
    db.session.add(Change(room_id=message.room_id, seq=seq, message_id=message.id))
    db.session.flush()
    changed = db.session.info.setdefault(CHANGED_MESSAGES, {})
    changed[message.id] = max(seq, changed.get(message.id, 0))
    return seq


def toggle_reaction(*, user, message: Message, emoji) -> int:
    """Add or take back one reaction; returns the change_seq to broadcast with."""
    if emoji not in REACTIONS:
        raise ValidationError(_l("Diese Reaktion gibt es nicht."), field="emoji")
    _check_changeable(user, message)
    existing = db.session.get(Reaction, (message.id, user.id, emoji))
    if existing is not None:
        db.session.delete(existing)
    else:
        db.session.add(Reaction(message_id=message.id, user_id=user.id, emoji=emoji))
    db.session.flush()
    return record_change(message)


def toggle_vote(*, user, message: Message) -> int:
    """Vote a question up, or take the vote back."""
    _check_changeable(user, message)
    if not message.is_question:
        raise ValidationError(_l("Nur Fragen können unterstützt werden."), field="vote")
    existing = db.session.get(Vote, (message.id, user.id))
    if existing is not None:
        db.session.delete(existing)
    else:
        db.session.add(Vote(message_id=message.id, user_id=user.id))
    db.session.flush()
    return record_change(message)


def _check_changeable(user, message: Message) -> None:
    """Reactions and votes are writes: not on deleted messages, not in a read-only room,
    not while muted."""
    if not message.visible:
        raise NotFound(_l("Diese Nachricht wurde gelöscht."))
    check_writable(user=user, room=message.room, kind=room_kind(message.room.kind))
