"""What every member can do to a page besides editing: watch it, confirm it is still correct."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from alumni_hub.extensions import db
from alumni_hub.wiki import bp
from alumni_hub.wiki.access import load_page
from alumni_hub.wiki.services import freshness, watching


@bp.route("/<slug>/beobachten", methods=["POST"])
@login_required
def watch_page(slug: str):
    page = load_page(slug)
    if watching.is_watching(page=page, user=current_user):
        watching.unwatch(page=page, user=current_user)
        message = _("Du beobachtest diese Seite nicht mehr.")
    else:
        watching.watch(page=page, user=current_user)
        message = _("Du beobachtest diese Seite jetzt und wirst über Änderungen benachrichtigt.")
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("wiki.view_page", slug=page.slug))


@bp.route("/<slug>/bestaetigen", methods=["POST"])
@login_required
def confirm_page(slug: str):
    page = load_page(slug)
    if page.is_deleted:
        abort(404)
    freshness.confirm_page(page=page, actor=current_user)
    db.session.commit()
    flash(_("Danke! Die Seite ist als „noch aktuell“ bestätigt."), "success")
    return redirect(url_for("wiki.view_page", slug=page.slug))
