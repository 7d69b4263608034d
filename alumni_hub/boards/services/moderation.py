"""Moderator actions on threads and posts; every one writes the audit log."""
from flask_babel import lazy_gettext as _l

from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Category, Post, Thread
from alumni_hub.boards.services.posts import delete_post, edit_post, refresh_thread_stats
from alumni_hub.boards.services.threads import rename_thread
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import db
from alumni_hub.moderation.services import record


def set_pinned(*, thread: Thread, actor: User, pinned: bool) -> None:
    thread.pinned = pinned
    record(actor=actor, action="thread.pinned" if pinned else "thread.unpinned",
           target_type="thread", target_id=thread.id, details={"title": thread.title})


def set_locked(*, thread: Thread, actor: User, locked: bool) -> None:
    thread.locked = locked
    record(actor=actor, action="thread.locked" if locked else "thread.unlocked",
           target_type="thread", target_id=thread.id, details={"title": thread.title})


def move_thread(*, thread: Thread, actor: User, category: Category | None) -> None:
    if category is None:
        raise ValidationError(_l("Bitte wähle eine Kategorie."), field="category")
    if category.id == thread.category_id:
        return
    record(actor=actor, action="thread.moved", target_type="thread", target_id=thread.id,
           details={"from": thread.category.name, "to": category.name})
    thread.category = category


def set_hidden(*, post: Post, actor: User, hidden: bool, reason: str = "") -> None:
    post.hidden_at = utcnow() if hidden else None
    thread = post.thread
    if hidden and thread.accepted_post_id == post.id:
        thread.accepted_post_id = None
    db.session.flush()
    refresh_thread_stats(thread)
    record(actor=actor, action="post.hidden" if hidden else "post.unhidden", target_type="post",
           target_id=post.id, details={"thread_id": thread.id, "reason": reason})


def moderator_delete(*, post: Post, actor: User, reason: str = "") -> None:
    delete_post(post=post, actor=actor)
    record(actor=actor, action="post.deleted", target_type="post", target_id=post.id,
           details={"thread_id": post.thread_id, "reason": reason})


def moderator_edit(*, post: Post, actor: User, body_md: str, title: str | None = None) -> None:
    """A moderator's edit of someone else's post: a revision plus an audit entry."""
    edit_post(post=post, editor=actor, body_md=body_md)
    if title is not None and post.parent_id is None:
        rename_thread(post.thread, title)
    record(actor=actor, action="post.edited", target_type="post", target_id=post.id,
           details={"thread_id": post.thread_id, "author_id": post.author_id})

