"""Small route helpers: errors onto forms, objects or 404/403, post links."""
from flask import abort, url_for
from flask_login import current_user

from alumni_hub.boards import access
from alumni_hub.boards.models import Post, Thread
from alumni_hub.core.errors import AlumniHubError, NotFound, PermissionDenied


def put_error(form, error: AlumniHubError, default: str = "body") -> None:
    """Show a service error next to its field, keeping everything that was typed."""
    field = getattr(form, error.field or default, None) or getattr(form, default)
    field.errors = list(field.errors or []) + [error.message]


def thread_or_404(thread_id: int) -> Thread:
    try:
        return access.get_thread(thread_id)
    except NotFound:
        abort(404)


def post_or_abort(post_id: int, *, check_author: bool = False) -> Post:
    try:
        return access.get_post(post_id, user=current_user, check_author=check_author)
    except NotFound:
        abort(404)
    except PermissionDenied:
        abort(403)


def thread_url(thread: Thread, **kwargs) -> str:
    if thread.slug:
        kwargs["slug"] = thread.slug
    return url_for("boards.view_thread", thread_id=thread.id, **kwargs)


def post_anchor(post: Post) -> str:
    return thread_url(post.thread, _anchor=f"post-{post.id}")


def int_or_none(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
