"""Writing posts: replies, edits with revisions, soft deletion, and the thread's counters."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, func, or_, select

from alumni_hub.accounts.models import User
from alumni_hub.boards import mentions
from alumni_hub.boards.services import read_positions as reading
from alumni_hub.boards.access import can_delete, can_see, is_moderator
from alumni_hub.boards.models import Post, PostRevision, Thread
from alumni_hub.boards.services.post_notices import notify_mentions, notify_new_post
from alumni_hub.core.validation import required_text
from alumni_hub.boards.services.watching import watch_thread
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import PermissionDenied, ValidationError
from alumni_hub.core.markup import render, shows_text
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.members.models import Profile

BODY_MAX = 20000
BODY_EMPTY = _l("Bitte schreibe einen Text.")


def clean_body(body_md: str | None) -> str:
    return required_text(body_md, field="body", max_length=BODY_MAX, empty=BODY_EMPTY,
                         too_long=_l("Der Text darf höchstens %(max)s Zeichen lang sein.",
                                     max=BODY_MAX))


def find_mentioned(body_md: str) -> list[User]:
    """Members named with @[Name] or @Vorname_Nachname, matched case-insensitively in one query.

    The database's lower() and Python's agree on ASCII; for names with umlauts the
    exact spelling or Python's lowercase form matches (SQLite lowercases ASCII only).
    """
    names = mentions.extract_mentions(body_md)
    if not names:
        return []
    users = db.session.scalars(select(User).where(
        User.active.is_(True), func.lower(User.display_name).in_(names))).all()
    wanted = set(names)
    return [u for u in users if mentions.normalise(u.display_name) in wanted]


def mention_candidates(prefix: str, *, thread_id: int | None = None,
                       limit: int = 10) -> list[str]:
    """Names starting with `prefix` to offer while typing an @mention: active members who
    are listed in the directory, or (given thread_id) who wrote in that thread — those are
    known to everyone reading it anyway."""
    offered = exists().where(Profile.user_id == User.id, Profile.listed_in_directory.is_(True))
    if thread_id is not None:
        offered = or_(offered, exists().where(
            Post.thread_id == thread_id, Post.author_id == User.id,
            Post.deleted_at.is_(None), Post.hidden_at.is_(None)))
    pattern = prefix.strip().lower().replace("%", "") + "%"
    return list(db.session.scalars(
        select(User.display_name).where(User.active.is_(True), offered,
                                        func.lower(User.display_name).like(pattern))
        .order_by(User.display_name).limit(limit)))


def _profile_url(user: User) -> str:
    return site_path("members.view_profile", user_id=user.id)


def render_body(body_md: str, mentioned: list[User]) -> str:
    """Markdown to stored HTML; known mentions become links to their profiles."""
    urls = {mentions.normalise(u.display_name): _profile_url(u) for u in mentioned}
    return render(mentions.link_mentions(body_md, urls))


def _stored_html(body_md: str, mentioned: list[User]) -> str:
    # The sanitizer drops comments and scripts, so non-empty Markdown can still show nothing.
    body_html = render_body(body_md, mentioned)
    if not shows_text(body_html):
        raise ValidationError(BODY_EMPTY, field="body")
    return body_html


def new_post(*, thread: Thread, author: User, body_md: str, parent: Post | None) -> Post:
    """Add a post, keep the thread's counters, watch the thread, notify people."""
    body = clean_body(body_md)
    mentioned = find_mentioned(body)
    body_html = _stored_html(body, mentioned)
    post = Post(thread=thread, parent_id=parent.id if parent else None, author=author,
                body_md=body, body_html=body_html, created_at=utcnow())
    db.session.add(post)
    db.session.flush()
    watch_thread(user=author, thread_id=thread.id)
    # Your own post is not news to you.
    reading.mark_read(user_id=author.id, thread_id=thread.id, post_id=post.id)
    parent_author = parent.author if parent is not None and parent.visible else None
    notify_new_post(post=post, thread=thread, mentioned=mentioned, parent_author=parent_author)
    # Last: it locks the thread row until the commit, so replies to one thread queue there.
    refresh_thread_stats(thread)
    return post


def add_reply(*, thread: Thread, author: User, body_md: str, parent_id: int | None) -> Post:
    """Reply to the thread (parent_id None: to the opening post) or to any reply in it."""
    if thread.locked and not is_moderator(author):
        raise ValidationError(_l("Diese Diskussion ist geschlossen; neue Antworten sind nicht "
                                 "möglich."), field="body")
    if parent_id:
        parent = db.session.get(Post, parent_id)
        if parent is None or parent.thread_id != thread.id or not can_see(author, parent):
            raise ValidationError(_l("Der Beitrag, auf den du antworten willst, gehört nicht "
                                     "zu dieser Diskussion."), field="body")
    else:
        parent = opening_post(thread)
    return new_post(thread=thread, author=author, body_md=body_md, parent=parent)


def opening_post(thread: Thread) -> Post | None:
    return db.session.scalar(select(Post).where(
        Post.thread_id == thread.id, Post.parent_id.is_(None)).order_by(Post.id).limit(1))


def refresh_thread_stats(thread: Thread) -> None:
    """Recount visible replies and the latest visible post, in the same transaction."""
    # Concurrent replies would each count without the other's uncommitted row and the last
    # commit would win (PostgreSQL, READ COMMITTED): the thread row serializes the recounts.
    # SQLite's writers are serialized anyway (BEGIN IMMEDIATE), and it has no FOR UPDATE.
    # NO KEY UPDATE: the reply's own foreign key already holds a KEY SHARE lock on the row.
    db.session.execute(select(Thread.id).where(Thread.id == thread.id)
                       .with_for_update(key_share=True))
    visible = (Post.thread_id == thread.id) & Post.deleted_at.is_(None) & Post.hidden_at.is_(None)
    count = db.session.scalar(select(func.count(Post.id)).where(
        visible, Post.parent_id.is_not(None)))
    last = db.session.execute(select(Post.created_at, Post.author_id).where(visible)
                              .order_by(Post.id.desc()).limit(1)).first()
    thread.reply_count = count or 0
    if last is not None:
        thread.last_post_at, thread.last_post_author_id = last


def edit_post(*, post: Post, editor: User, body_md: str) -> Post:
    """Keep the previous version as a revision, store the new text, and notify people the
    edit newly mentions (those mentioned before have already heard about the post)."""
    body = clean_body(body_md)
    if body == post.body_md:
        return post
    mentioned = find_mentioned(body)
    body_html = _stored_html(body, mentioned)
    before = {u.id for u in find_mentioned(post.body_md)}
    db.session.add(PostRevision(post_id=post.id, body_md=post.body_md, body_html=post.body_html,
                                edited_by_id=editor.id, created_at=utcnow()))
    post.body_md, post.body_html, post.edited_at = body, body_html, utcnow()
    if post.visible:
        notify_mentions(post=post, editor=editor,
                        users=[u for u in mentioned if u.id not in before])
    return post


def delete_post(*, post: Post, actor: User) -> None:
    """Soft delete: the tree keeps a placeholder, so replies stay readable."""
    if not can_delete(actor, post):
        raise PermissionDenied(_l("Du kannst nur deine eigenen Beiträge löschen."))
    post.deleted_at = utcnow()
    thread = post.thread
    if thread.accepted_post_id == post.id:
        thread.accepted_post_id = None
    db.session.flush()
    refresh_thread_stats(thread)


def revisions(post: Post) -> list[PostRevision]:
    return list(db.session.scalars(select(PostRevision).where(PostRevision.post_id == post.id)
                                   .order_by(PostRevision.id.desc())))
