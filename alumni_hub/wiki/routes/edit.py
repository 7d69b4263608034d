"""Creating and editing pages, with preview and edit-conflict handling."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError, OperationalError

from alumni_hub.core.errors import AlumniHubError, Conflict, ValidationError
from alumni_hub.extensions import db
from alumni_hub.members.queries import active_topics
from alumni_hub.wiki import bp
from alumni_hub.wiki.forms import CreatePageForm, EditPageForm
from alumni_hub.core.forms import show_error
from alumni_hub.wiki.access import load_page
from alumni_hub.wiki.links import diff_url
from alumni_hub.wiki.services import conflicts, revisions, watching
from alumni_hub.wiki.services import creation


def _topic_choices(form, selected=()):
    form.topics.choices = [(t.id, t.name) for t in active_topics(keep_ids=selected)]


def _preview(form) -> str | None:
    try:
        body = revisions.clean_body(form.body.data)
        revisions.check_body(body)
        return revisions.render_body(body)
    except AlumniHubError as error:
        db.session.rollback()
        show_error(form, error)
        return None


@bp.route("/neu", methods=["GET", "POST"])
@login_required
def create_page():
    form = CreatePageForm(title=request.args.get("titel", ""))
    _topic_choices(form, form.topics.data or ())
    preview = None
    if form.validate_on_submit():
        if form.preview.data:
            preview = _preview(form)
        else:
            page = _create_from(form)
            if page is not None:
                flash(_("Die Seite „%(title)s“ wurde angelegt.", title=page.title), "success")
                return redirect(url_for("wiki.view_page", slug=page.slug))
    return render_template("wiki/edit.html", form=form, page=None, preview_html=preview)


def _create_from(form):
    """Create and commit, or put the reason next to the field and return None."""
    for _attempt in range(2):
        try:
            page = creation.create_page(actor=current_user, title=form.title.data,
                                     body_md=form.body.data, summary=form.summary.data,
                                     topic_ids=form.topics.data)
            db.session.commit()
            return page
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
            return None
        except IntegrityError:
            # Someone created the same title a moment ago; the second pass names the duplicate.
            db.session.rollback()
    show_error(form, ValidationError(_l(
        "Gerade eben ist gleichzeitig eine Seite mit diesem Titel entstanden. Dein Text ist "
        "noch da – bitte prüfe den Titel und speichere noch einmal."), field="title"))
    return None


def _save_with_retry(slug: str, form) -> conflicts.SaveResult:
    """Two saves at one instant: the loser's transaction fails; a retry merges or conflicts."""
    for _attempt in range(2):
        page = load_page(slug)
        try:
            return conflicts.save_edit(page=page, actor=current_user, body_md=form.body.data,
                                       base_revision_id=form.base_revision_id.data,
                                       summary=form.summary.data, topic_ids=form.topics.data)
        except (IntegrityError, OperationalError):
            db.session.rollback()
    # Lost the race twice: keep the typed text in the form and let the user save again.
    raise Conflict(_l("Die Seite wurde gerade gleichzeitig von jemand anderem gespeichert. "
                      "Dein Text ist noch da – bitte speichere noch einmal."))


def _fill_from_page(form, page) -> None:
    form.body.data = page.current_revision.body_md
    form.base_revision_id.data = page.current_revision_id
    form.topics.data = [t.id for t in page.topics]


@bp.route("/<slug>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit_page(slug: str):
    page = load_page(slug)
    if not creation.can_edit(current_user, page):
        abort(403)
    form = EditPageForm()
    if request.method == "GET":
        _fill_from_page(form, page)
    _topic_choices(form, [t.id for t in page.topics])
    preview = conflict = None
    if form.validate_on_submit():
        if form.preview.data:
            preview = _preview(form)
        else:
            try:
                result = _save_with_retry(slug, form)
            except conflicts.EditConflict as error:
                conflict = error
                # The box now holds their non-clashing changes plus all of mine, so saving
                # again from here means "I have seen their change": base is now current.
                form.body.raw_data = [error.merged]
                form.body.data = error.merged
                form.base_revision_id.raw_data = [str(error.current.id)]
                form.base_revision_id.data = error.current.id
            except AlumniHubError as error:
                db.session.rollback()
                show_error(form, error)
            else:
                return _after_save(page, result)
    return render_template("wiki/edit.html", form=form, page=page, preview_html=preview,
                           conflict=conflict), 409 if conflict else 200


def _after_save(page, result: conflicts.SaveResult):
    if result.revision is None:
        db.session.commit()
        flash(_("Am Text hat sich nichts geändert."), "info")
    else:
        watching.notify_watchers(page=page, actor=current_user,
                                 url=diff_url(page, result.revision.number))
        db.session.commit()
        flash(saved_message(result.merged_with), "success")
    return redirect(url_for("wiki.view_page", slug=page.slug))


def saved_message(merged_with: list[str]) -> str:
    if merged_with:
        return _("Deine Änderungen wurden mit denen von %(name)s zusammengeführt.",
                 name=", ".join(merged_with))
    return _("Die Seite wurde gespeichert.")
