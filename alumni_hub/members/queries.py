"""Read queries of members that other features may call, each one bounded query."""
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.models import User
from alumni_hub.core.text import german_sort_key
from alumni_hub.extensions import db
from alumni_hub.members.models import Profile, Topic

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
