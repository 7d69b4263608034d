"""Profile rules: creating and editing a member's own profile."""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.accounts.services.names import clean_display_name
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.markup import render
from alumni_hub.core.text import split_tags
from alumni_hub.extensions import db
from alumni_hub.members.models import BUNDESLAENDER, NETWORK_TYPES, Cohort, Profile, Topic


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
