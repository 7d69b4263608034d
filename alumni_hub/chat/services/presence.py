"""Who is in a room right now: one row per open connection, refreshed by a heartbeat."""
from datetime import timedelta

from sqlalchemy import delete, select, update

from alumni_hub.accounts.models import User
from alumni_hub.chat.models import Presence
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db

# The client beats every 30 s; a connection silent for longer (its process died) is gone.
STALE_AFTER = timedelta(seconds=75)


def _there(room_id: int, user_id: int) -> bool:
    return db.session.scalar(select(Presence.sid).where(
        Presence.room_id == room_id, Presence.user_id == user_id,
        Presence.seen_at > utcnow() - STALE_AFTER).limit(1)) is not None


def enter(*, room_id: int, user_id: int, sid: str) -> bool:
    """Note the connection; True if the person was not in the room before (no other tab)."""
    new = not _there(room_id, user_id)
    db.session.execute(delete(Presence).where(Presence.room_id == room_id, Presence.sid == sid))
    db.session.add(Presence(room_id=room_id, sid=sid, user_id=user_id, seen_at=utcnow()))
    db.session.flush()
    return new


def leave(*, sid: str, room_id: int | None = None) -> list[tuple[int, int]]:
    """Forget the connection (in one room, or everywhere); returns (room_id, user_id) for
    each room the person has now left (their other tabs may keep them there)."""
    where = [Presence.sid == sid] + ([Presence.room_id == room_id] if room_id else [])
    rows = db.session.execute(select(Presence.room_id, Presence.user_id).where(*where)).all()
    db.session.execute(delete(Presence).where(*where))
    return [(room, user) for room, user in rows if not _there(room, user)]


def beat(*, sid: str) -> None:
    db.session.execute(update(Presence).where(Presence.sid == sid).values(seen_at=utcnow()))


def present(room_id: int) -> list[dict]:
    """The people connected to the room, by name: [{"id", "name"}]."""
    rows = db.session.execute(
        select(User.id, User.display_name).join(Presence, Presence.user_id == User.id)
        .where(Presence.room_id == room_id, Presence.seen_at > utcnow() - STALE_AFTER)
        .distinct().order_by(User.display_name, User.id))
    return [{"id": user_id, "name": name} for user_id, name in rows]
