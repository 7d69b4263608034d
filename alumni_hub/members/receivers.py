"""What members register elsewhere: navigation entries; photo files leave with the account."""
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.orm import object_session

from alumni_hub.accounts.models import User
from alumni_hub.core.navigation import USER, register_nav_item
from alumni_hub.extensions import db
from alumni_hub.members import photos

register_nav_item("members.directory", _l("Mitglieder"), order=40)
register_nav_item("members.map", _l("Karte"), order=50)
register_nav_item("members.edit_profile", _l("Mein Profil"), menu=USER, order=10)

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
