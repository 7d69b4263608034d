"""Reactions "Hilfreich" and "Danke": one of each per person and post, toggled."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import case, func, select

from alumni_hub.boards.models import REACTION_KINDS, Post, Reaction
from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import db


def toggle_reaction(*, user, post: Post, kind: str) -> bool:
    """Add the reaction, or take it back if it exists; returns True if it is now set."""
    if kind not in REACTION_KINDS:
        raise ValidationError(_l("Diese Reaktion gibt es nicht."))
    if not post.visible:
        raise ValidationError(_l("Auf diesen Beitrag kann man nicht mehr reagieren."))
    existing = db.session.get(Reaction, (post.id, user.id, kind))
    if existing is not None:
        db.session.delete(existing)
        return False
    db.session.add(Reaction(post_id=post.id, user_id=user.id, kind=kind))
    return True


def reaction_summary(*, thread_id: int, user_id: int) -> dict[int, dict[str, tuple[int, bool]]]:
    """post id -> {kind: (count, mine)} for a whole thread, in one query."""
    mine = func.sum(case((Reaction.user_id == user_id, 1), else_=0))
    rows = db.session.execute(
        select(Reaction.post_id, Reaction.kind, func.count(), mine)
        .join(Post, Post.id == Reaction.post_id).where(Post.thread_id == thread_id)
        .group_by(Reaction.post_id, Reaction.kind))
    summary: dict[int, dict[str, tuple[int, bool]]] = {}
    for post_id, kind, count, my_count in rows:
        summary.setdefault(post_id, {})[kind] = (count, bool(my_count))
    return summary
