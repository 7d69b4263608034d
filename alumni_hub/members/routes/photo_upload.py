"""Profile photos: upload and remove one's own, and the files themselves for members."""
from flask import abort, current_app, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from alumni_hub.accounts.models import User
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.forms import show_error
from alumni_hub.extensions import db
from alumni_hub.members import bp, photos
from alumni_hub.members.forms import PhotoForm

# The file is only ever an image: no script, no plugin, no sniffing it into something else.
PHOTO_HEADERS = {"Content-Security-Policy": "default-src 'none'",
                 "X-Content-Type-Options": "nosniff",
                 "Content-Disposition": "inline"}


@bp.route("/profil/foto", methods=["GET", "POST"])
@login_required
def upload_photo():
    form = PhotoForm()
    if form.validate_on_submit():
        try:
            photos.store_photo(user=current_user, data=form.photo.data.read(photos.MAX_BYTES + 1),
                               folder=current_app.config["UPLOAD_FOLDER"])
        except ValidationError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Dein Foto ist gespeichert."), "success")
            return redirect(url_for("members.edit_profile"))
    return render_template("members/photo.html", form=form)


@bp.route("/profil/foto/entfernen", methods=["POST"])
@login_required
def remove_photo():
    photos.remove_photo(user=current_user, folder=current_app.config["UPLOAD_FOLDER"])
    db.session.commit()
    flash(_("Dein Foto ist entfernt; jetzt stehen deine Initialen an seiner Stelle."), "success")
    return redirect(url_for("members.edit_profile"))


@bp.route("/<int:user_id>/foto/<any(klein, gross):size>")
@login_required
def photo(user_id: int, size: str):
    user = db.session.get(User, user_id)
    if user is None or not user.photo_key:
        abort(404)
    path = photos.photo_path(current_app.config["UPLOAD_FOLDER"], user.id, user.photo_key, size)
    if not path.is_file():
        abort(404)
    # The URL carries the key (?v=…): a new photo gets a new URL, so browsers may keep this.
    response = send_file(path, mimetype="image/jpeg", max_age=7 * 24 * 3600, conditional=True)
    response.headers.update(PHOTO_HEADERS)
    response.cache_control.private = True
    response.cache_control.public = False
    return response
