"""Routes for curating the topic list (moderators) and the course cohorts (admins)."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from alumni_hub.core.errors import ValidationError
from alumni_hub.core.forms import show_error
from alumni_hub.core.permissions import admin_required, moderator_required
from alumni_hub.extensions import db
from alumni_hub.members import bp
from alumni_hub.members.services import curation
from alumni_hub.members.forms import NameForm
from alumni_hub.members.queries import all_cohorts, all_topics


def _run(action, **kwargs):
    """Run a curation service as the current user and commit; return the error if rejected."""
    try:
        action(actor=current_user._get_current_object(), **kwargs)
    except ValidationError as error:
        db.session.rollback()
        return error
    db.session.commit()
    return None


def _done(message: str, endpoint: str):
    flash(message, "success")
    return redirect(url_for(endpoint))


def _add(create, *, page, done: str, endpoint: str):
    """The "add" form of either list: create from the typed name, or show the list again
    with the refusal beside the form."""
    form = NameForm()
    if form.validate_on_submit():
        error = _run(create, name=form.name.data)
        if error is None:
            return _done(done, endpoint)
        show_error(form, error, field="name")
    return page(form)


def _topics_page(form: NameForm, errors: dict | None = None):
    return render_template("members/manage_topics.html", form=form, errors=errors or {},
                           typed=request.form,
                           topics=all_topics())


def _cohorts_page(form: NameForm, errors: dict | None = None):
    return render_template("members/manage_cohorts.html", form=form, errors=errors or {},
                           typed=request.form, cohorts=all_cohorts())


@bp.route("/themen", methods=["GET", "POST"])
@moderator_required
def manage_topics():
    return _add(curation.create_topic, page=_topics_page, done=_("Das Thema ist angelegt."),
                endpoint="members.manage_topics")


@bp.route("/themen/<int:topic_id>/umbenennen", methods=["POST"])
@moderator_required
def rename_topic(topic_id: int):
    error = _run(curation.rename_topic, topic_id=topic_id, name=request.form.get("name", ""))
    if error is not None:
        return _topics_page(NameForm(formdata=None), {topic_id: error.message})
    return _done(_("Das Thema ist umbenannt."), "members.manage_topics")


@bp.route("/themen/<int:topic_id>/archivieren", methods=["POST"])
@moderator_required
def archive_topic(topic_id: int):
    archived = request.form.get("archived") == "1"
    _run(curation.set_topic_archived, topic_id=topic_id, archived=archived)
    message = _("Das Thema ist archiviert.") if archived else _("Das Thema ist wieder aktiv.")
    return _done(message, "members.manage_topics")


@bp.route("/kursdurchgaenge", methods=["GET", "POST"])
@admin_required
def manage_cohorts():
    return _add(curation.create_cohort, page=_cohorts_page,
                done=_("Der Kursdurchgang ist angelegt."), endpoint="members.manage_cohorts")


@bp.route("/kursdurchgaenge/<int:cohort_id>/umbenennen", methods=["POST"])
@admin_required
def rename_cohort(cohort_id: int):
    error = _run(curation.rename_cohort, cohort_id=cohort_id, name=request.form.get("name", ""))
    if error is not None:
        return _cohorts_page(NameForm(formdata=None), {cohort_id: error.message})
    return _done(_("Der Kursdurchgang ist umbenannt."), "members.manage_cohorts")


@bp.route("/kursdurchgaenge/<int:cohort_id>/verschieben", methods=["POST"])
@admin_required
def move_cohort(cohort_id: int):
    offset = -1 if request.form.get("direction") == "up" else 1
    _run(curation.move_cohort, cohort_id=cohort_id, offset=offset)
    return _done(_("Die Reihenfolge ist geändert."), "members.manage_cohorts")
