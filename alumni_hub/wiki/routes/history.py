"""History of a page: all revisions, comparing any two word by word, restoring an old one."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError, OperationalError

from alumni_hub.core.errors import ValidationError
from alumni_hub.core.urls import parse_db_int
from alumni_hub.extensions import db
from alumni_hub.wiki import bp, queries
from alumni_hub.wiki.diffing import has_changes, word_diff
from alumni_hub.wiki.access import load_page
from alumni_hub.wiki.links import diff_url
from alumni_hub.wiki.routes.read import per_page
from alumni_hub.wiki.services import revisions, watching
from alumni_hub.wiki.services import creation


@bp.route("/<slug>/versionen")
@login_required
def page_history(slug: str):
    page = load_page(slug)
    history = db.paginate(queries.history_query(page), per_page=per_page(), error_out=False)
    return render_template("wiki/history.html", page=page, history=history,
                           can_edit=creation.can_edit(current_user, page))


def _revision_or_404(page, number) -> "revisions.Revision":
    revision = revisions.get_revision(page, number) if number else None
    if revision is None:
        abort(404)
    return revision


@bp.route("/<slug>/vergleich")
@login_required
def compare_revisions(slug: str):
    page = load_page(slug)
    old = _revision_or_404(page, parse_db_int(request.args.get("von")))
    new = _revision_or_404(page, parse_db_int(request.args.get("bis")))
    if old.number > new.number:
        old, new = new, old
    segments = word_diff(old.body_md, new.body_md)
    return render_template("wiki/diff.html", page=page, old=old, new=new, segments=segments,
                           changed=has_changes(segments))


@bp.route("/<slug>/version/<int:number>")
@login_required
def view_revision(slug: str, number: int):
    page = load_page(slug)
    revision = _revision_or_404(page, number)
    return render_template("wiki/revision.html", page=page, revision=revision,
                           can_edit=creation.can_edit(current_user, page))


@bp.route("/<slug>/version/<int:number>/wiederherstellen", methods=["POST"])
@login_required
def restore_revision(slug: str, number: int):
    page = load_page(slug)
    if not creation.can_edit(current_user, page):
        abort(403)
    old = _revision_or_404(page, number)
    slug, old_number = page.slug, old.number  # still readable after a rollback
    try:
        revision = revisions.restore_revision(page=page, actor=current_user, revision=old)
        watching.notify_watchers(page=page, actor=current_user,
                                 url=diff_url(page, revision.number))
        db.session.commit()
    except ValidationError as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return redirect(url_for("wiki.page_history", slug=slug))
    except (IntegrityError, OperationalError):
        db.session.rollback()
        flash(_("Gerade eben hat jemand anderes die Seite gespeichert; Version %(n)s wurde "
                "nicht wiederhergestellt. Sieh dir die neue Fassung an und versuche es dann "
                "noch einmal.", n=old_number), "error")
        return redirect(url_for("wiki.page_history", slug=slug))
    flash(_("Version %(n)s wurde als neue Version %(m)s wiederhergestellt.", n=old.number,
            m=revision.number), "success")
    return redirect(url_for("wiki.view_page", slug=page.slug))
