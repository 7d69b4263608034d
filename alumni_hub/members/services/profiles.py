"""Profile rules: editing the own profile, the member directory and the counts for the map."""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from alumni_hub.accounts.models import User
from alumni_hub.accounts.services.names import clean_display_name
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.markup import render
from alumni_hub.core.text import german_sort_key, split_tags
from alumni_hub.extensions import db
from alumni_hub.members.models import (BUNDESLAENDER, NETWORK_TYPES, Cohort, Profile, Topic,
                                       profile_topics)


@dataclass(frozen=True)
class ProfileInput:
    """What the profile form hands to update_profile(); ids are ints, empty means none."""

    display_name: str
    organisation: str = ""
    network_name: str = ""
    network_type: str | None = None
    bundesland: str | None = None
    city: str = ""
    cohort_id: int | None = None
    topic_ids: tuple[int, ...] = field(default_factory=tuple)
    free_tags: str = ""
    can_help_with: str = ""
    seeks_help_with: str = ""
    bio_md: str = ""
    listed_in_directory: bool = False
    show_email: bool = False


def get_or_create_profile(user: User) -> Profile:
    """The user's profile; an empty, unlisted one is added if there is none yet."""
    profile = db.session.get(Profile, user.id)
    if profile is None:
        profile = Profile(user_id=user.id, organisation="", network_name="", city="",
                          free_tags="", can_help_with="", seeks_help_with="", bio_md="",
                          bio_html="", listed_in_directory=False, show_email=False)
        db.session.add(profile)
    return profile


def all_topics() -> list[Topic]:
    """Active and archived topics, for curating the list (choices: queries.active_topics)."""
    return sorted(db.session.scalars(select(Topic)), key=lambda topic: german_sort_key(topic.name))


def all_cohorts() -> list[Cohort]:
    return list(db.session.scalars(select(Cohort).order_by(Cohort.position, Cohort.id)))


def update_profile(*, user: User, data: ProfileInput) -> Profile:
    """Store the profile form; renders the bio Markdown once, here."""
    if not data.display_name.strip():
        raise ValidationError(_l("Bitte gib einen Namen an."), field="display_name")
    display_name = clean_display_name(data.display_name, user_id=user.id)
    if data.bundesland and data.bundesland not in BUNDESLAENDER:
        raise ValidationError(_l("Bitte wähle ein Bundesland aus der Liste."), field="bundesland")
    if data.network_type and data.network_type not in NETWORK_TYPES:
        raise ValidationError(_l("Bitte wähle eine Art aus der Liste."), field="network_type")
    if data.cohort_id is not None and db.session.get(Cohort, data.cohort_id) is None:
        raise ValidationError(_l("Bitte wähle einen Kursdurchgang aus der Liste."),
                              field="cohort")
    profile = get_or_create_profile(user)
    profile.topics = _chosen_topics(profile, data.topic_ids)
    user.display_name = display_name
    profile.organisation = data.organisation.strip()
    profile.network_name = data.network_name.strip()
    profile.network_type = data.network_type or None
    profile.bundesland = data.bundesland or None
    profile.city = data.city.strip()
    profile.cohort_id = data.cohort_id
    profile.free_tags = ", ".join(split_tags(data.free_tags))
    profile.can_help_with = data.can_help_with.strip()
    profile.seeks_help_with = data.seeks_help_with.strip()
    profile.bio_md = data.bio_md
    profile.bio_html = render(data.bio_md)
    profile.listed_in_directory = data.listed_in_directory
    profile.show_email = data.show_email
    db.session.flush()
    return profile


def _chosen_topics(profile: Profile, topic_ids) -> list[Topic]:
    # Archived topics are not offered in the form; a member keeps the ones they had.
    wanted = set(topic_ids)
    chosen = list(db.session.scalars(select(Topic).where(
        Topic.id.in_(wanted), Topic.archived.is_(False)))) if wanted else []
    if len(chosen) != len(wanted):
        raise ValidationError(_l("Bitte wähle nur Themen aus der Liste."), field="topics")
    kept = [topic for topic in (profile.topics or []) if topic.archived]
    return sorted(chosen + kept, key=lambda topic: topic.slug)


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
