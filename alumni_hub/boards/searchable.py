"""What the boards make searchable: every post that is not deleted, hidden ones for moderators."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Category, Post, Thread
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.search.models import MEMBERS, MODERATORS
from alumni_hub.search.providers import (Document, Related, SearchProvider, plain_text,
                                         register_search_provider)


def _load(ids):
    return db.session.scalars(select(Post).where(Post.id.in_(ids)).options(
        joinedload(Post.thread).joinedload(Thread.category), joinedload(Post.author)))


def post_document(post: Post) -> Document | None:
    """A reply is found by its own text; the opening post also by the thread's title."""
    if post.deleted_at is not None:
        return None
    thread = post.thread
    return Document(
        title=thread.title, body=plain_text(post.body_html),
        url=site_path("boards.view_post", post_id=post.id), created_at=post.created_at,
        location=thread.category.name, author_id=post.author_id,
        author_name=post.author.display_name if post.author else "",
        category=thread.category.slug, category_label=thread.category.name,
        visibility=MODERATORS if post.hidden_at is not None else MEMBERS,
        index_title=post.parent_id is None)


def _categories():
    return [(c.slug, c.name) for c in db.session.scalars(
        select(Category).order_by(Category.position, Category.name))]


register_search_provider(SearchProvider(
    source="post", kind="forum", label=_l("Forum"), model=Post, order=10,
    load=_load, document=post_document,
    dated_ids=lambda: select(Post.id, Post.created_at),
    categories=_categories,
    related=(
        Related(Thread, ("title", "slug", "category_id"),
                lambda thread: select(Post.id).where(Post.thread_id == thread.id)),
        Related(Category, ("name", "slug"), lambda category: select(Post.id).join(
            Thread, Post.thread_id == Thread.id).where(Thread.category_id == category.id)),
        Related(User, ("display_name",),
                lambda user: select(Post.id).where(Post.author_id == user.id)),
    )))
