"""Bounded reads: messages after a sequence number, changes after a change number, questions,
transcripts. Messages leave the server only as payloads built here."""
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.models import User
from alumni_hub.chat.models import Change, Message, Mute, Reaction, Room, Vote
from alumni_hub.core.db import utcnow
from alumni_hub.core.markup import render_inline_plain
from alumni_hub.extensions import db

# One answer to a reconnecting client carries at most this many messages; it asks again.
BATCH = 200
# The room panel shows the latest messages; older ones load on request.
RECENT = 100


def _with_people(query):
    return query.options(joinedload(Message.author),
                         joinedload(Message.reply_to).joinedload(Message.author))


def messages_after(room_id: int, after_seq: int, limit: int = BATCH) -> list[Message]:
    return list(db.session.scalars(_with_people(select(Message)).where(
        Message.room_id == room_id, Message.seq > after_seq).order_by(Message.seq).limit(limit)))


def recent_messages(room_id: int, limit: int = RECENT) -> list[Message]:
    latest = list(db.session.scalars(_with_people(select(Message)).where(
        Message.room_id == room_id).order_by(Message.seq.desc()).limit(limit)))
    return latest[::-1]


def changed_after(room_id: int, after_change: int, limit: int = BATCH) -> list[Message]:
    """The messages changed after change number `after_change` (their current state)."""
    ids = (select(Change.message_id).where(Change.room_id == room_id, Change.seq > after_change)
           .group_by(Change.message_id).order_by(func.max(Change.seq)).limit(limit))
    return list(db.session.scalars(_with_people(select(Message)).where(Message.id.in_(ids))
                                   .order_by(Message.seq)))


def questions(room_id: int) -> list[Message]:
    """The room's questions, most votes first (ties: oldest first)."""
    votes = (select(func.count()).where(Vote.message_id == Message.id)
             .correlate(Message).scalar_subquery())
    return list(db.session.scalars(_with_people(select(Message)).where(
        Message.room_id == room_id, Message.is_question.is_(True),
        Message.deleted_at.is_(None)).order_by(votes.desc(), Message.seq)))


def author_name(message: Message) -> str:
    return message.author.display_name if message.author else _("Ehemaliges Mitglied")


def payloads(messages: list[Message]) -> list[dict]:
    """What clients get for each message; reactions and votes in two queries for all."""
    ids = [m.id for m in messages]
    reactions: dict[int, dict[str, list[int]]] = {}
    votes: dict[int, list[int]] = {}
    if ids:
        for message_id, emoji, user_id in db.session.execute(
                select(Reaction.message_id, Reaction.emoji, Reaction.user_id)
                .where(Reaction.message_id.in_(ids)).order_by(Reaction.user_id)):
            reactions.setdefault(message_id, {}).setdefault(emoji, []).append(user_id)
        for message_id, user_id in db.session.execute(
                select(Vote.message_id, Vote.user_id).where(Vote.message_id.in_(ids))):
            votes.setdefault(message_id, []).append(user_id)
    return [_payload(m, reactions.get(m.id, {}), votes.get(m.id, [])) for m in messages]


def _payload(message: Message, reactions: dict, votes: list) -> dict:
    quote = message.reply_to
    return {
        "room": message.room_id, "id": message.id, "seq": message.seq,
        "client_id": message.client_id, "author_id": message.author_id,
        "author_name": author_name(message), "created_at": message.created_at.isoformat(),
        "body_html": message.body_html, "deleted": not message.visible,
        "question": message.is_question, "answered": message.answered_at is not None,
        "votes": votes, "reactions": reactions,
        "reply_to": None if quote is None else {
            "seq": quote.seq, "author_name": author_name(quote),
            "excerpt": render_inline_plain(quote.body_md, 120) if quote.visible else ""},
    }


def muted_members(room_id: int) -> list[dict]:
    """Who is muted in the room right now, the soonest to speak again first:
    [{"id", "name", "until" (aware UTC datetime)}]. One query."""
    rows = db.session.execute(
        select(User.id, User.display_name, Mute.until).join(Mute, Mute.user_id == User.id)
        .where(Mute.room_id == room_id, Mute.until > utcnow())
        .order_by(Mute.until, User.display_name))
    return [{"id": user_id, "name": name, "until": until} for user_id, name, until in rows]


def mute_payloads(muted: list[dict]) -> list[dict]:
    """muted_members() as JSON for the live chat (static/js/chat/)."""
    return [{**m, "until": m["until"].isoformat()} for m in muted]


def transcript_messages(room_id: int) -> list[Message]:
    return list(db.session.scalars(_with_people(select(Message)).where(
        Message.room_id == room_id, Message.deleted_at.is_(None)).order_by(Message.seq)))


def room_questions(kind_name: str, ref_id: int) -> list[dict]:
    """The questions of the room of (kind, ref_id), most votes first, as payloads (with
    "answered"): what a meeting keeps and shows after it is over. [] if no room yet."""
    room_id = db.session.scalar(select(Room.id).where(Room.kind == kind_name,
                                                      Room.ref_id == ref_id))
    return payloads(questions(room_id)) if room_id is not None else []
