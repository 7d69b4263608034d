"""Read queries of members, each one bounded query: the directory, the map and the curated
lists, and the ones other features may call."""
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from alumni_hub.accounts.models import User
from alumni_hub.core.text import german_sort_key
from alumni_hub.extensions import db
from alumni_hub.members.models import (BUNDESLAENDER, NETWORK_TYPES, Cohort, Profile, Topic,
                                       profile_topics)

NEW_MEMBERS = 5


def newest_listed_members(*, exclude_id: int, limit: int = NEW_MEMBERS) -> list[User]:
    """Newest colleagues who chose to be listed: the start page respects the directory opt-in."""
    stmt = select(User).join(Profile, Profile.user_id == User.id) \
        .where(User.active.is_(True), Profile.listed_in_directory.is_(True),
               User.id != exclude_id) \
        .options(joinedload(User.profile)) \
        .order_by(User.created_at.desc(), User.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def profile_is_empty(user_id: int) -> bool:
    """No organisation and no Bundesland yet: others cannot find this person."""
    profile = db.session.get(Profile, user_id)
    return profile is None or not (profile.organisation or profile.bundesland)


def active_topics(*, keep_ids=()) -> list[Topic]:
    """The topics anything may be tagged with: the active ones, plus archived ones a thing
    already carries (`keep_ids`), so editing does not drop them. Every topic select uses this."""
    stmt = select(Topic).where(Topic.archived.is_(False) | Topic.id.in_(list(keep_ids) or [0]))
    # Sorted in Python: the same German order on SQLite and PostgreSQL.
    return sorted(db.session.scalars(stmt), key=lambda topic: german_sort_key(topic.name))


def all_topics() -> list[Topic]:
    """Active and archived topics, for curating the list (choices: queries.active_topics)."""
    return sorted(db.session.scalars(select(Topic)), key=lambda topic: german_sort_key(topic.name))


def all_cohorts() -> list[Cohort]:
    return list(db.session.scalars(select(Cohort).order_by(Cohort.position, Cohort.id)))


@dataclass(frozen=True)
class DirectoryFilter:
    """The directory's search form as plain data; unknown values are simply ignored."""

    q: str = ""
    bundesland: str = ""
    network_type: str = ""
    cohort_id: int | None = None
    topic_slug: str = ""


def _listed():
    """Profiles that appear in the directory and on the map: listed and of active users."""
    return (Profile.listed_in_directory.is_(True), User.active.is_(True))


def directory_query(filters: DirectoryFilter):
    """The select() behind the directory page, with everything the page shows eager-loaded."""
    stmt = (select(Profile).join(Profile.user).where(*_listed())
            .options(contains_eager(Profile.user), joinedload(Profile.cohort),
                     selectinload(Profile.topics)))
    if filters.q.strip():
        stmt = stmt.where(_text_match(filters.q.strip()))
    if filters.bundesland in BUNDESLAENDER:
        stmt = stmt.where(Profile.bundesland == filters.bundesland)
    if filters.network_type in NETWORK_TYPES:
        stmt = stmt.where(Profile.network_type == filters.network_type)
    if filters.cohort_id:
        stmt = stmt.where(Profile.cohort_id == filters.cohort_id)
    if filters.topic_slug:
        stmt = stmt.where(_has_topic(Topic.slug == filters.topic_slug))
    return stmt.order_by(func.lower(User.display_name), User.id)


def _text_match(q: str):
    # icontains = LOWER(..) LIKE LOWER(..) on SQLite, ILIKE on PostgreSQL; % and _ are escaped.
    def matches(column):
        return column.icontains(q, autoescape=True)

    return or_(matches(User.display_name), matches(Profile.organisation),
               matches(Profile.network_name), matches(Profile.free_tags),
               _has_topic(matches(Topic.name)))


def _has_topic(condition):
    return exists().where(profile_topics.c.profile_id == Profile.user_id,
                          profile_topics.c.topic_id == Topic.id, condition)


def search_directory(*, filters: DirectoryFilter, page: int, per_page: int):
    return db.paginate(directory_query(filters), page=page, per_page=per_page,
                       error_out=False, count=True)


def bundesland_counts() -> dict[str, int]:
    """Listed members per Bundesland (every Land present, 0 if none): one grouped query."""
    stmt = (select(Profile.bundesland, func.count())
            .join(Profile.user)
            .where(*_listed(), Profile.bundesland.is_not(None))
            .group_by(Profile.bundesland))
    counts = dict.fromkeys(BUNDESLAENDER, 0)
    for code, count in db.session.execute(stmt):
        if code in counts:
            counts[code] = count
    return counts
