"""Moderator routes of the boards: pin, lock, move, hide posts, manage categories."""
from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from alumni_hub.boards import access, bp
from alumni_hub.boards.services import categories
from alumni_hub.boards.services import moderation as moderating
from alumni_hub.boards.forms import CategoryForm, MoveForm
from alumni_hub.boards.links import post_anchor, thread_url
from alumni_hub.boards.models import Category
from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.forms import show_error
from alumni_hub.core.permissions import moderator_required
from alumni_hub.extensions import db


# The word in the URL says what a moderator switches, to which state, and what they are told.
_THREAD_SWITCHES = {
    "anheften": (partial(moderating.set_pinned, pinned=True),
                 _l("Die Diskussion ist angeheftet.")),
    "loesen": (partial(moderating.set_pinned, pinned=False),
               _l("Die Diskussion ist nicht mehr angeheftet.")),
    "schliessen": (partial(moderating.set_locked, locked=True),
                   _l("Die Diskussion ist geschlossen.")),
    "oeffnen": (partial(moderating.set_locked, locked=False),
                _l("Die Diskussion ist wieder offen.")),
}


@bp.route("/thema/<int:thread_id>/<any(anheften,loesen):action>", methods=["POST"],
          endpoint="pin_thread")
@bp.route("/thema/<int:thread_id>/<any(schliessen,oeffnen):action>", methods=["POST"],
          endpoint="lock_thread")
@moderator_required
def switch_thread(thread_id, action):
    thread = access.get_thread(thread_id)
    switch, done = _THREAD_SWITCHES[action]
    switch(thread=thread, actor=current_user)
    db.session.commit()
    flash(str(done), "success")
    return redirect(thread_url(thread))


@bp.route("/thema/<int:thread_id>/verschieben", methods=["GET", "POST"])
@moderator_required
def move_thread(thread_id):
    thread = access.get_thread(thread_id)
    form = MoveForm(category=thread.category_id)
    form.category.choices = [SelectChoice(c.id, c.name) for c in
                             categories.list_categories(include_archived=True)]
    if form.validate_on_submit():
        try:
            moderating.move_thread(thread=thread, actor=current_user,
                                   category=db.session.get(Category, form.category.data))
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error, field="category")
        else:
            db.session.commit()
            flash(_("Die Diskussion wurde verschoben."), "success")
            return redirect(thread_url(thread))
    return render_template("boards/move_thread.html", form=form, thread=thread)


@bp.route("/beitrag/<int:post_id>/<any(ausblenden,einblenden):action>", methods=["POST"])
@moderator_required
def hide_post(post_id, action):
    post = access.get_post(post_id, user=current_user)
    moderating.set_hidden(post=post, actor=current_user, hidden=action == "ausblenden",
                          reason=request.form.get("reason", "")[:300])
    db.session.commit()
    flash(_("Der Beitrag ist ausgeblendet.") if post.hidden_at else
          _("Der Beitrag ist wieder sichtbar."), "success")
    return redirect(post_anchor(post))


@bp.route("/kategorien", methods=["GET", "POST"])
@moderator_required
def manage_categories():
    form = CategoryForm()
    saved = _save_category(form, categories.create_category, _("Die Kategorie ist angelegt."))
    if saved is not None:
        return saved
    return render_template("boards/manage_categories.html", form=form,
                           categories=categories.list_categories(include_archived=True))


@bp.route("/kategorien/<int:category_id>", methods=["GET", "POST"])
@moderator_required
def edit_category(category_id):
    category = db.session.get(Category, category_id) or abort(404)
    form = CategoryForm(obj=category)
    saved = _save_category(form, partial(categories.update_category, category=category,
                                         archived=form.archived.data),
                           _("Die Kategorie ist gespeichert."))
    if saved is not None:
        return saved
    return render_template("boards/edit_category.html", form=form, category=category)


def _save_category(form, save, done: str):
    """Creating and editing alike: `save` gets the form's fields; back to the list when it
    worked, None to show the form again with the refusal next to the name."""
    if not form.validate_on_submit():
        return None
    try:
        save(actor=current_user, name=form.name.data, description=form.description.data,
             position=form.position.data)
    except AlumniHubError as error:
        db.session.rollback()
        show_error(form, error, field="name")
        return None
    db.session.commit()
    flash(done, "success")
    return redirect(url_for("boards.manage_categories"))
