"""Moderators' writes: delete messages, mark questions answered, mute members, open/close rooms,
and the retention purge. Every action is written to the audit log."""
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from alumni_hub.accounts.models import User
from alumni_hub.chat.access import can_moderate
from alumni_hub.chat.models import MAX_ID, STATES, Message, Mute, Presence, Room
from alumni_hub.chat.services.messages import record_change
from alumni_hub.chat.services.presence import STALE_AFTER
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import db
from alumni_hub.moderation.services import record
from alumni_hub.search import indexing

# The index rows of chat messages (chat/searchable.py registers the provider).
SEARCH_SOURCE = "chat_message"

# Mutes a moderator can choose from the room panel, in minutes (a day at most).
MUTE_CHOICES = (5, 15, 60, 24 * 60)


def delete_message(*, actor, message: Message, reason: str = "") -> int | None:
    """Soft-delete: the row keeps its place in the sequence, its text is gone.
    Returns the change_seq to broadcast with (None if it was already deleted)."""
    if not message.visible:
        return None
    message.deleted_at = utcnow()
    message.deleted_by_id = actor.id if actor else None
    message.body_md = message.body_html = ""
    record(actor=actor, action="chat.message_deleted", target_type="chat_message",
           target_id=message.id, details={"author_id": message.author_id, "reason": reason})
    return record_change(message)


def set_answered(*, actor, message: Message, answered: bool) -> int:
    """Mark a question answered (or open again); the list stays with the room."""
    if not message.is_question or not message.visible:
        raise ValidationError(_l("Nur Fragen können als beantwortet markiert werden."),
                              field="answered")
    message.answered_at = utcnow() if answered else None
    record(actor=actor, action="chat.question_answered" if answered else
           "chat.question_reopened", target_type="chat_message", target_id=message.id)
    return record_change(message)


def set_room_state(*, actor, room: Room, state: str) -> None:
    """"open"/"closed" overrides the window; "auto" follows it again."""
    if state not in STATES:
        raise ValidationError(_l("Diesen Zustand gibt es nicht."), field="state")
    if room.state == state:
        return
    before, room.state = room.state, state
    record(actor=actor, action="chat.room_opened" if state == "open" else
           "chat.room_closed" if state == "closed" else "chat.room_scheduled",
           target_type="chat_room",
           target_id=room.id, details={"from": before, "to": state})
    db.session.flush()


def mute_member(*, actor, room: Room, user_id, minutes) -> Mute | None:
    """The member cannot write in this room for `minutes` (one of MUTE_CHOICES); 0 lifts
    the mute (unmute_member) and returns None. The room's moderators cannot be muted."""
    if minutes == 0 and not isinstance(minutes, bool):
        return unmute_member(actor=actor, room=room, user_id=user_id)
    if isinstance(minutes, bool) or minutes not in MUTE_CHOICES:
        raise ValidationError(_l("Bitte wähle eine Dauer aus der Liste."), field="minutes")
    member = _member(user_id)
    if member.id == actor.id:
        raise ValidationError(_l("Du kannst dich nicht selbst stummschalten."), field="user_id")
    if can_moderate(member, room):
        # A moderator could otherwise silence a colleague who keeps the room in order.
        raise ValidationError(_l("Moderator:innen dieses Chatraums können nicht "
                                 "stummgeschaltet werden."), field="user_id")
    mute = db.session.get(Mute, (room.id, member.id))
    until = utcnow() + timedelta(minutes=minutes)
    if mute is None:
        mute = Mute(room_id=room.id, user_id=member.id, until=until, muted_by_id=actor.id)
        db.session.add(mute)
    else:
        mute.until, mute.muted_by_id = until, actor.id
    record(actor=actor, action="chat.member_muted", target_type="user", target_id=member.id,
           details={"room_id": room.id, "minutes": minutes})
    db.session.flush()
    return mute


def unmute_member(*, actor, room: Room, user_id) -> None:
    """Lift a running mute early; refused if the member is not muted here (any more)."""
    member = _member(user_id)
    mute = db.session.get(Mute, (room.id, member.id))
    if mute is None or mute.until <= utcnow():
        raise ValidationError(_l("%(name)s ist hier nicht stummgeschaltet.",
                                 name=member.display_name), field="user_id")
    record(actor=actor, action="chat.member_unmuted", target_type="user", target_id=member.id,
           details={"room_id": room.id, "until": mute.until.isoformat()})
    db.session.delete(mute)
    db.session.flush()


def _member(user_id) -> User:
    member = db.session.get(User, user_id) if isinstance(user_id, int) and \
        not isinstance(user_id, bool) and 0 < user_id <= MAX_ID else None
    if member is None:
        raise ValidationError(_l("Diese Person gibt es nicht."), field="user_id")
    return member


def purge_expired(*, days: int, now=None) -> int:
    """Delete messages older than `days` (their reactions, votes and changes go with
    them), expired mutes and dead connections; returns how many messages. Replies to
    purged messages keep their own text."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    ids = select(Message.id).where(Message.created_at < cutoff)
    purged = list(db.session.scalars(ids))
    db.session.execute(Message.__table__.update().where(Message.reply_to_id.in_(ids))
                       .values(reply_to_id=None))
    result = db.session.execute(delete(Message).where(Message.created_at < cutoff))
    # A bulk delete bypasses the ORM, so search does not see it: drop their index rows.
    indexing.refresh(db.session, SEARCH_SOURCE, purged)
    db.session.execute(delete(Mute).where(Mute.until < (now or utcnow())))
    # Connections of a process that was killed never said goodbye.
    db.session.execute(delete(Presence).where(Presence.seen_at < (now or utcnow()) - STALE_AFTER))
    return result.rowcount
