"""Read positions: one upsert per thread view, valid on SQLite and PostgreSQL."""
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from alumni_hub.boards.models import ThreadRead
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db


def read_position(*, user_id: int, thread_id: int) -> int:
    """Id of the last post the user has seen in the thread (0: never opened)."""
    value = db.session.scalar(select(ThreadRead.last_read_post_id).where(
        ThreadRead.user_id == user_id, ThreadRead.thread_id == thread_id))
    return value or 0


def mark_read(*, user_id: int, thread_id: int, post_id: int) -> None:
    """Insert or move forward the read position in a single statement."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    now = utcnow()
    stmt = insert(ThreadRead).values(user_id=user_id, thread_id=thread_id,
                                     last_read_post_id=post_id, last_read_at=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=[ThreadRead.user_id, ThreadRead.thread_id],
        set_={"last_read_post_id": post_id, "last_read_at": now},
        where=ThreadRead.last_read_post_id < post_id)
    db.session.execute(stmt)


def read_times(*, user_id: int, thread_ids: list[int]) -> dict[int, object]:
    """thread id -> when the user last read it, for the unread marks on a thread list."""
    if not thread_ids:
        return {}
    rows = db.session.execute(select(ThreadRead.thread_id, ThreadRead.last_read_at).where(
        ThreadRead.user_id == user_id, ThreadRead.thread_id.in_(thread_ids)))
    return dict(rows.all())
