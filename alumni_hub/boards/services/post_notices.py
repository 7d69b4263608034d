"""Who hears about a new post: mention > reply > watched thread > watched category."""
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.boards.links import post_path
from alumni_hub.boards.models import CategoryWatch, Post, Thread, ThreadWatch
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify


def _watchers(model, column, value) -> list[User]:
    return list(db.session.scalars(
        select(User).join(model, model.user_id == User.id).where(column == value)))


def notify_new_post(*, post: Post, thread: Thread, mentioned: list[User],
                    parent_author: User | None) -> None:
    """Each person gets only the most specific notification about this post."""
    groups = [
        (Kind.MENTION, mentioned),
        (Kind.REPLY, [parent_author] if parent_author else []),
        (Kind.WATCHED_THREAD, _watchers(ThreadWatch, ThreadWatch.thread_id, thread.id)),
        (Kind.WATCHED_CATEGORY,
         _watchers(CategoryWatch, CategoryWatch.category_id, thread.category_id)),
    ]
    seen = {post.author_id}
    params = {"title": thread.title, "category": thread.category.name}
    for kind, users in groups:
        recipients = [u for u in users if u is not None and u.id not in seen]
        seen.update(u.id for u in recipients)
        if recipients:
            notify(kind=kind, recipients=recipients, url=post_path(post, thread),
                   actor=post.author, params=params, group_key=f"thread:{thread.id}")


def notify_mentions(*, post: Post, editor: User, users: list[User]) -> None:
    """People an edit newly mentions; the post's author and the editor are not told."""
    thread = post.thread
    recipients = [u for u in users if u.id not in (post.author_id, editor.id)]
    if recipients:
        notify(kind=Kind.MENTION, recipients=recipients, url=post_path(post, thread),
               actor=editor, params={"title": thread.title, "category": thread.category.name},
               group_key=f"thread:{thread.id}")
