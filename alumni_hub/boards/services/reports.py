"""Posts as reportable things: boards' part of moderation's generic reports (ReportTarget)."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.boards.models import Post
from alumni_hub.boards.services.moderation import moderator_delete, set_hidden
from alumni_hub.core.errors import NotFound, ValidationError
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.moderation.targets import Reported

EXCERPT_LENGTH = 400


def check_post_reportable(reporter, post_id: int) -> None:
    """Refuse reports of one's own post (moderation refuses a second open report)."""
    post = _post(post_id)
    if post.author_id == reporter.id:
        raise ValidationError(_l("Deinen eigenen Beitrag kannst du nicht melden. Du kannst "
                                 "ihn bearbeiten oder löschen."), field="reason")


def load_reported_posts(post_ids: list[int]) -> dict[int, Reported]:
    """The reported posts with their authors and threads, in one query."""
    posts = db.session.scalars(
        select(Post).options(joinedload(Post.author), joinedload(Post.thread))
        .where(Post.id.in_(post_ids))) if post_ids else []
    return {post.id: Reported(
        title=post.thread.title, excerpt=post.body_md[:EXCERPT_LENGTH],
        url=site_path("boards.view_post", post_id=post.id),
        author_name=post.author.display_name if post.author else "–",
        gone=post.hidden_at is not None or post.deleted_at is not None,
        state=(_("Gelöscht") if post.deleted_at else _("Ausgeblendet") if post.hidden_at else ""))
        for post in posts}


def hide_reported_post(post_id: int, actor, reason: str) -> None:
    post = db.session.get(Post, post_id)
    if post is not None and post.hidden_at is None:
        set_hidden(post=post, actor=actor, hidden=True, reason=reason)


def delete_reported_post(post_id: int, actor, reason: str) -> None:
    post = db.session.get(Post, post_id)
    if post is not None and post.deleted_at is None:
        moderator_delete(post=post, actor=actor, reason=reason)


def _post(post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None:
        raise NotFound(_l("Diesen Beitrag gibt es nicht."))
    return post
