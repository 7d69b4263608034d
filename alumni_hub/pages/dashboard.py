"""What the start page shows: a few fresh items from each feature, each in one bounded query."""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.models import User
from alumni_hub.boards.services import read_positions as reading
from alumni_hub.boards.models import KIND_QUESTION, Category, Thread
from alumni_hub.extensions import db
from alumni_hub.members.models import Profile
from alumni_hub.wiki.models import Page, Revision

LATEST_THREADS = 6
OPEN_QUESTIONS = 5
WIKI_CHANGES = 5
NEW_MEMBERS = 5


@dataclass(frozen=True)
class Dashboard:
    latest_threads: list[Thread]
    unread_thread_ids: set[int]
    open_questions: list[Thread]
    wiki_changes: list[Page]
    new_members: list[User]
    profile_missing: bool


def _visible_threads():
    # Threads of archived categories are history, not news.
    return select(Thread).join(Thread.category).where(Category.archived.is_(False)) \
        .options(joinedload(Thread.category), joinedload(Thread.last_post_author))


def latest_threads(limit: int = LATEST_THREADS) -> list[Thread]:
    stmt = _visible_threads().order_by(Thread.last_post_at.desc(), Thread.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def open_questions(limit: int = OPEN_QUESTIONS) -> list[Thread]:
    stmt = _visible_threads().where(Thread.kind == KIND_QUESTION,
                                    Thread.accepted_post_id.is_(None)) \
        .order_by(Thread.reply_count, Thread.created_at.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def wiki_changes(limit: int = WIKI_CHANGES) -> list[Page]:
    stmt = select(Page).where(Page.deleted_at.is_(None)) \
        .options(joinedload(Page.current_revision).joinedload(Revision.author)) \
        .order_by(Page.updated_at.desc(), Page.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def new_members(*, limit: int = NEW_MEMBERS, exclude_id: int) -> list[User]:
    """Newest colleagues who chose to be listed, so the start page respects the directory opt-in."""
    stmt = select(User).join(Profile, Profile.user_id == User.id) \
        .where(User.active.is_(True), Profile.listed_in_directory.is_(True), User.id != exclude_id) \
        .options(joinedload(User.profile)) \
        .order_by(User.created_at.desc(), User.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def build(*, user) -> Dashboard:
    threads = latest_threads()
    reads = reading.read_times(user_id=user.id, thread_ids=[t.id for t in threads])
    unread = {t.id for t in threads if reads.get(t.id) is None or reads[t.id] < t.last_post_at}
    profile = db.session.get(Profile, user.id)
    return Dashboard(
        latest_threads=threads, unread_thread_ids=unread, open_questions=open_questions(),
        wiki_changes=wiki_changes(), new_members=new_members(exclude_id=user.id),
        profile_missing=profile is None or not (profile.organisation or profile.bundesland))
