"""Demo content for the boards: seven categories, realistic threads, nested replies, reactions."""
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import aliased, joinedload

from alumni_hub.boards.demo_content import CATEGORIES, THREADS
from alumni_hub.boards.models import (REACTION_KINDS, Category, Post, Reaction, Thread,
                                      ThreadWatch)
from alumni_hub.boards.links import post_path
from alumni_hub.boards.services.posts import refresh_thread_stats, render_body
from alumni_hub.core.text import slugify
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications.demo import add_demo_notification, demo_recipients
from alumni_hub.notifications.kinds import Kind


def seed(ctx: dict) -> None:
    """Works with the 3 demo logins alone or with the full list of demo members."""
    rng, users = ctx["rng"], ctx["users"]
    categories = [Category(name=name, slug=slugify(name), description=text, position=i)
                  for i, (name, text) in enumerate(CATEGORIES)]
    db.session.add_all(categories)
    db.session.flush()
    topics = ctx.get("topics", [])
    start = utcnow() - timedelta(days=120)
    for index, spec in enumerate(THREADS):
        when = start + timedelta(days=index * 4, hours=rng.randint(7, 18))
        _seed_thread(rng, users, categories, topics, spec, when)
    ctx["board_categories"] = categories
    _notify_demo_logins(ctx)


def _notify_demo_logins(ctx: dict) -> None:
    """Each demo login hears about the latest replies others wrote to their posts."""
    db.session.flush()
    for recipient in demo_recipients(ctx):
        for post in _replies_to(recipient.id):
            add_demo_notification(ctx, recipient=recipient, kind=Kind.REPLY, actor=post.author,
                                  url=post_path(post, post.thread), title=post.thread.title,
                                  when=post.created_at)


def _replies_to(user_id: int) -> list[Post]:
    parent = aliased(Post)
    return list(db.session.scalars(
        select(Post).join(parent, Post.parent_id == parent.id)
        .where(parent.author_id == user_id, Post.author_id != user_id)
        .options(joinedload(Post.thread), joinedload(Post.author))
        .order_by(Post.created_at.desc()).limit(3)))


def _seed_thread(rng, users, categories, topics, spec, when) -> Thread:
    category_index, kind, title, body, replies, accepted = spec
    asker = rng.choice(users)
    thread = Thread(category=categories[category_index], title=title,
                    slug=slugify(title, max_length=100),
                    kind=kind, author=asker, created_at=when, last_post_at=when)
    if topics:
        thread.topics = rng.sample(topics, k=min(len(topics), rng.randint(1, 2)))
    db.session.add(thread)
    opening = _post(thread, asker, body, None, when)
    posts, watchers = [], {asker.id}
    for parent_index, text in replies:
        when += timedelta(hours=rng.randint(1, 30))
        parent = opening if parent_index is None else posts[parent_index]
        author = _someone_else(rng, users, parent.author)
        posts.append(_post(thread, author, text, parent, when))
        watchers.add(author.id)
    db.session.add_all(ThreadWatch(user_id=uid, thread_id=thread.id) for uid in watchers)
    _react(rng, users, posts)
    if accepted is not None and kind == "question":
        thread.accepted_post_id = posts[accepted].id
    db.session.flush()
    refresh_thread_stats(thread)
    return thread


def _post(thread, author, text, parent, when) -> Post:
    post = Post(thread=thread, author=author, parent_id=parent.id if parent else None,
                body_md=text, body_html=render_body(text, []), created_at=when)
    db.session.add(post)
    db.session.flush()
    return post


def _someone_else(rng, users, other):
    candidates = [u for u in users if u is not other] or users
    return rng.choice(candidates)


def _react(rng, users, posts) -> None:
    for post in posts:
        fans = [u for u in users if u is not post.author]
        for user in rng.sample(fans, k=min(len(fans), rng.randint(0, 3))):
            db.session.add(Reaction(post_id=post.id, user_id=user.id,
                                    kind=rng.choice(REACTION_KINDS)))
