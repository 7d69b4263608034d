"""Who may do what to a thread or post, and loading objects with those checks."""
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from alumni_hub.boards.models import Post, Thread
from alumni_hub.core.errors import NotFound, PermissionDenied
from alumni_hub.extensions import db


def is_moderator(user) -> bool:
    return bool(user is not None and getattr(user, "is_moderator", False))


def can_see(user, post: Post) -> bool:
    """Hidden posts are visible to moderators only; deleted ones show as placeholders."""
    return post.hidden_at is None or is_moderator(user)


def can_edit(user, post: Post) -> bool:
    if post.deleted_at is not None:
        return False
    if is_moderator(user):
        return True
    return post.author_id == user.id and post.hidden_at is None


def can_delete(user, post: Post) -> bool:
    return post.deleted_at is None and (post.author_id == user.id or is_moderator(user))


def can_see_revisions(user, post: Post) -> bool:
    return post.author_id == user.id or is_moderator(user)


def can_accept(user, thread: Thread) -> bool:
    return thread.is_question and (thread.author_id == user.id or is_moderator(user))


def get_thread(thread_id: int) -> Thread:
    thread = db.session.get(Thread, thread_id, options=[joinedload(Thread.category)])
    if thread is None:
        raise NotFound(_l("Diese Diskussion gibt es nicht."))
    return thread


def get_post(post_id: int, *, user, check_author: bool = False) -> Post:
    """The post, if `user` may see it; with check_author, only if they may edit it."""
    post = db.session.get(Post, post_id, options=[joinedload(Post.thread)])
    if post is None or not can_see(user, post):
        raise NotFound(_l("Diesen Beitrag gibt es nicht."))
    if check_author and not can_edit(user, post):
        raise PermissionDenied(_l("Du kannst nur deine eigenen Beiträge bearbeiten."))
    return post
