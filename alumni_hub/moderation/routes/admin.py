"""Moderation overview, admin user management, the audit log and the mail outbox."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.services import user_admin
from alumni_hub.accounts.models import User
from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.mail import OutboxEmail
from alumni_hub.core.permissions import (ROLE_LABELS, Role, admin_required, has_role,
                                         moderator_required)
from alumni_hub.extensions import db
from alumni_hub.moderation import bp
from alumni_hub.moderation import audit_labels as audit
from alumni_hub.core.audit import AuditLogEntry

# Every tool of every feature; the overview links those the viewer's role may use.
TOOLS = [
    ("moderation.users", Role.ADMIN, _l("Benutzerverwaltung"),
     _l("Rollen vergeben, Konten deaktivieren und reaktivieren.")),
    ("accounts.invite", Role.MODERATOR, _l("Einladen"),
     _l("Neue Mitglieder per E-Mail einladen, offene Einladungen zurückziehen.")),
    ("moderation.reports", Role.MODERATOR, _l("Meldungen"),
     _l("Gemeldete Beiträge prüfen.")),
    ("wiki.stale_pages", Role.MODERATOR, _l("Veraltete Wiki-Seiten"),
     _l("Wiki-Seiten, die lange niemand überarbeitet hat.")),
    ("members.manage_topics", Role.MODERATOR, _l("Themen"),
     _l("Die Themenliste für Profile, Foren und Wiki pflegen.")),
    ("members.manage_cohorts", Role.ADMIN, _l("Kursjahrgänge"),
     _l("Die Durchgänge des IHK-Kurses verwalten.")),
    ("moderation.audit_log", Role.MODERATOR, _l("Protokoll"),
     _l("Wer hat wann was geändert.")),
    ("moderation.outbox", Role.ADMIN, _l("Postausgang"),
     _l("E-Mails, die ohne Mailserver nicht verschickt wurden.")),
]


def _paginate(stmt):
    return db.paginate(stmt, per_page=current_app.config["PER_PAGE"], error_out=False)


@bp.route("/")
@moderator_required
def index():
    tools = [(endpoint, label, text) for endpoint, role, label, text in TOOLS
             if has_role(current_user, role)]
    return render_template("moderation/index.html", tools=tools)


@bp.route("/benutzer")
@admin_required
def users():
    query = request.args.get("q", "").strip()
    page = _paginate(user_admin.search_users(query))
    return render_template("moderation/users.html", page=page, query=query,
                           role_labels=ROLE_LABELS)


@bp.route("/benutzer/<int:user_id>/rolle", methods=["POST"])
@admin_required
def change_role(user_id: int):
    role = request.form.get("role", "")
    user = db.get_or_404(User, user_id)
    try:
        user_admin.change_role(actor=current_user, user=user, role=role)
    except AlumniHubError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(_("%(name)s hat jetzt die Rolle „%(role)s“.", name=user.display_name,
                role=ROLE_LABELS.get(role, role)), "success")
    return redirect(_back_to_users())


@bp.route("/benutzer/<int:user_id>/aktiv", methods=["POST"])
@admin_required
def set_user_active(user_id: int):
    active = request.form.get("active") == "1"
    user = db.get_or_404(User, user_id)
    try:
        user_admin.set_active(actor=current_user, user=user, active=active)
    except AlumniHubError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        message = (_("Das Konto von %(name)s ist wieder aktiv.", name=user.display_name) if active
                   else _("Das Konto von %(name)s ist deaktiviert.", name=user.display_name))
        flash(message, "success")
    return redirect(_back_to_users())


def _back_to_users() -> str:
    """Back to the list page and search the admin came from."""
    args = {key: request.form[key] for key in ("q", "page") if request.form.get(key)}
    return url_for("moderation.users", **args)


@bp.route("/protokoll")
@moderator_required
def audit_log():
    stmt = (select(AuditLogEntry).options(joinedload(AuditLogEntry.actor))
            .order_by(AuditLogEntry.created_at.desc(), AuditLogEntry.id.desc()))
    return render_template("moderation/audit_log.html", page=_paginate(stmt), audit=audit)


@bp.route("/postausgang")
@admin_required
def outbox():
    stmt = select(OutboxEmail).order_by(OutboxEmail.created_at.desc(), OutboxEmail.id.desc())
    return render_template("moderation/outbox.html", page=_paginate(stmt))


@bp.route("/postausgang/<int:email_id>")
@admin_required
def view_outbox_email(email_id: int):
    mail = db.session.get(OutboxEmail, email_id) or abort(404)
    return render_template("moderation/outbox_email.html", mail=mail)
