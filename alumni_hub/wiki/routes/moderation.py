"""Moderator tools for the wiki: protect, rename, delete and restore pages (all audit-logged)."""
from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from alumni_hub.core.errors import ValidationError
from alumni_hub.core.permissions import moderator_required
from alumni_hub.extensions import db
from alumni_hub.wiki import bp
from alumni_hub.wiki.forms import RenameForm
from alumni_hub.core.forms import show_error
from alumni_hub.wiki.access import load_page
from alumni_hub.wiki.services import moderation


@bp.route("/<slug>/schuetzen", methods=["POST"])
@moderator_required
def protect_page(slug: str):
    page = load_page(slug)
    moderation.set_protected(page=page, actor=current_user, protected=not page.protected)
    db.session.commit()
    flash(_("Die Seite ist jetzt geschützt.") if page.protected
          else _("Der Schutz der Seite wurde aufgehoben."), "success")
    return redirect(url_for("wiki.view_page", slug=page.slug))


@bp.route("/<slug>/umbenennen", methods=["GET", "POST"])
@moderator_required
def rename_page(slug: str):
    page = load_page(slug)
    form = RenameForm(title=page.title)
    if form.validate_on_submit():
        try:
            moderation.rename_page(page=page, actor=current_user, title=form.title.data)
        except ValidationError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Die Seite heißt jetzt „%(title)s“.", title=page.title), "success")
            return redirect(url_for("wiki.view_page", slug=page.slug))
    return render_template("wiki/rename.html", page=page, form=form)


@bp.route("/<slug>/loeschen", methods=["POST"])
@moderator_required
def delete_page(slug: str):
    return _delete_or_restore(slug, delete=True)


@bp.route("/<slug>/wiederherstellen", methods=["POST"])
@moderator_required
def restore_page(slug: str):
    return _delete_or_restore(slug, delete=False)


def _delete_or_restore(slug: str, *, delete: bool):
    """A second click (or two moderators at once) is refused by the service: shown as a note."""
    page = load_page(slug)
    change = moderation.delete_page if delete else moderation.restore_page
    try:
        change(page=page, actor=current_user)
    except ValidationError as error:
        db.session.rollback()
        flash(str(error.message), "info")
    else:
        db.session.commit()
        flash(_("Die Seite „%(title)s“ wurde gelöscht. Sie kann wiederhergestellt werden.",
                title=page.title) if delete else
              _("Die Seite „%(title)s“ ist wiederhergestellt.", title=page.title), "success")
    return redirect(url_for("wiki.deleted_pages") if delete
                    else url_for("wiki.view_page", slug=page.slug))


@bp.route("/geloescht")
@moderator_required
def deleted_pages():
    deleted = db.paginate(moderation.deleted_pages_query(),
                          per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template("wiki/deleted.html", deleted=deleted)
