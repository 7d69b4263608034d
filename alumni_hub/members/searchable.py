"""What members make searchable: profiles listed in the directory, of active accounts."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from alumni_hub.accounts.models import User
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.members.models import BUNDESLAENDER, Cohort, Profile
from alumni_hub.search.providers import (Document, Related, SearchProvider, plain_text,
                                         register_search_provider)


def _load(ids):
    return db.session.scalars(select(Profile).where(Profile.user_id.in_(ids)).options(
        joinedload(Profile.user), joinedload(Profile.cohort), selectinload(Profile.topics)))


def profile_document(profile: Profile) -> Document | None:
    """Unlisted profiles and deactivated accounts are not found at all."""
    user = profile.user
    if not profile.listed_in_directory or not user.active:
        return None
    land = BUNDESLAENDER.get(profile.bundesland or "", "")
    facts = [profile.organisation, profile.network_name, profile.city, land,
             profile.cohort.name if profile.cohort else "",
             ", ".join(t.name for t in profile.topics), profile.free_tags,
             profile.can_help_with, profile.seeks_help_with, plain_text(profile.bio_html)]
    return Document(
        title=user.display_name, body=" · ".join(f for f in facts if f),
        url=site_path("members.view_profile", user_id=user.id),
        created_at=profile.updated_at, location=profile.organisation or profile.network_name,
        author_id=user.id, author_name=user.display_name,
        category=profile.bundesland or "", category_label=land)


register_search_provider(SearchProvider(
    source="profile", kind="members", label=_l("Mitglieder"), model=Profile, order=30,
    load=_load, document=profile_document,
    dated_ids=lambda: select(Profile.user_id, Profile.updated_at),
    categories=lambda: sorted(BUNDESLAENDER.items(), key=lambda item: item[1]),
    related=(
        Related(User, ("display_name", "active"),
                lambda user: select(Profile.user_id).where(Profile.user_id == user.id)),
        Related(Cohort, ("name",),
                lambda cohort: select(Profile.user_id).where(Profile.cohort_id == cohort.id)),
    )))
