"""Turning a board post into a wiki tip (new page or addition), crediting author and thread."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError, OperationalError

from alumni_hub.core.errors import AlumniHubError, Conflict
from alumni_hub.extensions import db
from alumni_hub.wiki import bp, queries
from alumni_hub.wiki.forms import PromoteForm, promote_title
from alumni_hub.wiki.helpers import apply_error, diff_url
from alumni_hub.wiki.models import Page
from alumni_hub.wiki.services import promote, watching


def _visible_post(post_id: int):
    # Boards is built in parallel; importing here keeps the wiki working without it.
    from alumni_hub.boards.models import Post  # noqa: PLC0415

    post = db.session.get(Post, post_id)
    if post is None or post.deleted_at is not None or post.hidden_at is not None:
        abort(404)
    return post


def _promote(form, post):
    target = None
    if form.mode.data == "append":
        target = db.session.get(Page, form.page_id.data or 0)
        if target is None or target.is_deleted:
            form.page_id.errors = [_("Bitte wähle eine bestehende Seite.")]
            return None
    return promote.promote_text(
        actor=current_user, text_md=form.body.data,
        source_url=url_for("boards.view_post", post_id=post.id),
        source_author_name=post.author.display_name if post.author else _("Ehemaliges Mitglied"),
        source_title=post.thread.title,
        new_title=form.title.data if target is None else None, append_to_page=target)


@bp.route("/aus-beitrag/<int:post_id>", methods=["GET", "POST"])
@login_required
def promote_post(post_id: int):
    post = _visible_post(post_id)
    form = PromoteForm(title=promote_title(post.thread.title), body=post.body_md)
    form.page_id.choices = [(p.id, p.title) for p in queries.pages_for_select()]
    if request.method == "POST" and form.validate_on_submit():
        try:
            result = _save(form, post)
        except AlumniHubError as error:
            apply_error(form, error)
        else:
            if result is not None:
                page = result
                flash(_("Der Beitrag steht jetzt im Wiki auf „%(title)s“.", title=page.title),
                      "success")
                return redirect(url_for("wiki.view_page", slug=page.slug))
    return render_template("wiki/promote.html", form=form, post=post)


def _save(form, post):
    """Promote and commit; a race lost to another save becomes a message, the text stays."""
    try:
        result = _promote(form, post)
        if result is None:
            return None
        page, revision = result
        watching.notify_watchers(page=page, actor=current_user,
                                 url=diff_url(page, revision.number))
        db.session.commit()
        return page
    except (IntegrityError, OperationalError):
        db.session.rollback()
        raise Conflict(_l("Gerade eben hat jemand anderes gleichzeitig gespeichert (dieselbe "
                          "Seite oder denselben Titel). Dein Text ist noch da – bitte prüfe "
                          "die Angaben und versuche es noch einmal.")) from None
