"""Where threads and posts live: the one place their addresses are built.

thread_url/post_anchor serve requests (url_for); thread_path/post_path work without a
request too (CLI, cron, demo data), from BASE_URL's path.
"""
from flask import url_for

from alumni_hub.boards.models import Post, Thread
from alumni_hub.core.urls import site_path


def thread_url(thread: Thread, **kwargs) -> str:
    if thread.slug:
        kwargs["slug"] = thread.slug
    return url_for("boards.view_thread", thread_id=thread.id, **kwargs)


def post_anchor(post: Post) -> str:
    return thread_url(post.thread, _anchor=f"post-{post.id}")


def thread_path(thread_id: int, slug: str | None) -> str:
    """The thread's page; works without a request too (CLI, cron, demo data)."""
    if slug:
        return site_path("boards.view_thread", thread_id=thread_id, slug=slug)
    return site_path("boards.view_thread", thread_id=thread_id)


def post_path(post: Post, thread: Thread) -> str:
    """The post's anchor in its thread; works without a request too."""
    return f"{thread_path(thread.id, thread.slug)}#post-{post.id}"
