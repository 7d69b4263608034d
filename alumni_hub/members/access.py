"""Who may see which member: loading a profile with that check (NotFound otherwise)."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.models import User
from alumni_hub.core.errors import NotFound
from alumni_hub.extensions import db
from alumni_hub.members.models import Profile


def get_member(*, user_id: int, viewer: User) -> User:
    """A member whose profile the viewer may see; deactivated ones only for admins."""
    user = db.session.scalar(select(User).where(User.id == user_id).options(
        joinedload(User.profile).joinedload(Profile.cohort),
        joinedload(User.profile).selectinload(Profile.topics)))
    if user is None or (not user.active and not viewer.is_admin):
        raise NotFound(_l("Dieses Mitglied gibt es nicht."))
    return user
