"""Turning a forum post, a recap item or a chat message into a wiki tip, crediting its author."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError, OperationalError

from alumni_hub.core.errors import AlumniHubError, Conflict, ValidationError
from alumni_hub.extensions import db
from alumni_hub.core.forms import show_error
from alumni_hub.wiki import bp, queries
from alumni_hub.wiki.forms import PromoteForm, promote_title
from alumni_hub.wiki.links import diff_url
from alumni_hub.wiki.models import Page
from alumni_hub.wiki.services import promote, watching
from alumni_hub.wiki.sources import TipSource, get_tip_source


def _promote(form, source: TipSource):
    target = None
    if form.mode.data == "append":
        target = db.session.get(Page, form.page_id.data or 0)
        if target is None or target.is_deleted:
            raise ValidationError(_l("Bitte wähle eine bestehende Seite."), field="page_id")
    return promote.promote_text(
        actor=current_user, text_md=form.body.data, source_url=source.url,
        source_author_name=source.author_name, source_title=source.title,
        origin=source.origin, new_title=form.title.data if target is None else None,
        append_to_page=target)


@bp.route("/aus-beitrag/<int:post_id>", methods=["GET", "POST"])
@login_required
def promote_post(post_id: int):
    """The forum's own address for promoting a post (linked from every post)."""
    return _promote_page("post", post_id)


@bp.route("/uebernehmen/<kind>/<int:source_id>", methods=["GET", "POST"])
@login_required
def promote_tip(kind: str, source_id: int):
    """Any registered source (wiki/sources.py): a recap item, a chat message …"""
    return _promote_page(kind, source_id)


def _promote_page(kind: str, source_id: int):
    source = get_tip_source(kind, source_id, current_user)
    form = PromoteForm(title=promote_title(source.title), body=source.text_md)
    form.page_id.choices = [(p.id, p.title) for p in queries.pages_for_select()]
    if request.method == "POST" and form.validate_on_submit():
        try:
            page = _save(form, source)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            flash(_("Der Text steht jetzt im Wiki auf „%(title)s“.", title=page.title),
                  "success")
            return redirect(url_for("wiki.view_page", slug=page.slug))
    return render_template("wiki/promote.html", form=form, source=source)


def _save(form, source: TipSource):
    """Promote and commit; a race lost to another save becomes a message, the text stays."""
    try:
        page, revision = _promote(form, source)
        watching.notify_watchers(page=page, actor=current_user,
                                 url=diff_url(page, revision.number))
        db.session.commit()
        return page
    except (IntegrityError, OperationalError):
        db.session.rollback()
        raise Conflict(_l("Gerade eben hat jemand anderes gleichzeitig gespeichert (dieselbe "
                          "Seite oder denselben Titel). Dein Text ist noch da – bitte prüfe "
                          "die Angaben und versuche es noch einmal.")) from None
