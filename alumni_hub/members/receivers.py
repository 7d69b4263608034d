"""What members register elsewhere: navigation, start-page cards, a profile per new account;
photo files leave with the account."""
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.orm import object_session

from alumni_hub.accounts.models import User
from alumni_hub.core import signals
from alumni_hub.core.navigation import USER, register_nav_item
from alumni_hub.extensions import db
from alumni_hub.members import photos, queries
from alumni_hub.members.models import Profile
from alumni_hub.pages.cards import HINT, register_card

register_nav_item("members.directory", _l("Mitglieder"), order=40)
register_nav_item("members.map", _l("Karte"), order=50)
register_nav_item("members.edit_profile", _l("Mein Profil"), menu=USER, order=10)


@signals.user_registered.connect
def create_profile(sender, *, user, choices=None, **extra) -> None:
    """Every account has a profile; the registration's choices (directory, e-mail) go in it."""
    choices = choices or {}
    db.session.add(Profile(user_id=user.id,
                           listed_in_directory=bool(choices.get("listed_in_directory")),
                           show_email=bool(choices.get("show_email"))))


def new_members_card(user) -> dict:
    return {"members": queries.newest_listed_members(exclude_id=user.id)}


def empty_profile_hint(user) -> dict | None:
    return {} if queries.profile_is_empty(user.id) else None


register_card("members.new_members", template="members/_home_new_members.html", order=80,
              load=new_members_card)
register_card("members.empty_profile", template="members/_home_profile_hint.html", area=HINT,
              load=empty_profile_hint)


_DOOMED = "members.photos_to_delete"


@event.listens_for(User, "after_delete")
def _photo_goes_with_the_account(_mapper, _connection, user) -> None:
    """Whoever deletes an account, its photo files go too – once the deletion is committed,
    so a rolled-back deletion keeps them."""
    if user.photo_key:
        object_session(user).info.setdefault(_DOOMED, []).append(
            (current_app.config["UPLOAD_FOLDER"], user.id, user.photo_key))


@event.listens_for(db.session, "after_commit")
def _delete_doomed_photos(session) -> None:
    for folder, user_id, key in session.info.pop(_DOOMED, []):
        photos.delete_files(folder=folder, user_id=user_id, key=key)


@event.listens_for(db.session, "after_rollback")
def _keep_photos_after_rollback(session) -> None:
    session.info.pop(_DOOMED, None)


from alumni_hub.members import searchable  # noqa: E402,F401 - registers the search provider
