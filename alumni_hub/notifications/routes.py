"""Routes of the notifications blueprint: inbox, preferences, one-click unsubscribe."""
from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from alumni_hub.accounts.models import User
from alumni_hub.core.urls import safe_next
from alumni_hub.extensions import csrf, db
from alumni_hub.notifications import access, bp, preferences, sections, services
from alumni_hub.notifications.emails import DIGEST, read_unsubscribe_token
from alumni_hub.notifications.forms import PreferencesForm
from alumni_hub.notifications.kinds import LABELS, Kind, available_kinds, render_text


@bp.app_context_processor
def _unread_badge():
    """`notification_unread_count()` for the header badge: one COUNT query, only if shown."""

    def count() -> int:
        if not (current_user and current_user.is_authenticated):
            return 0
        if "notification_unread_count" not in g:
            g.notification_unread_count = services.unread_count(user_id=current_user.id)
        return g.notification_unread_count

    return {"notification_unread_count": count}


@bp.route("/")
@login_required
def inbox():
    page = db.paginate(services.inbox_query(user_id=current_user.id),
                       per_page=current_app.config["PER_PAGE"], error_out=False)
    items = [(note, render_text(note.kind, note.params)) for note in page.items]
    return render_template("notifications/inbox.html", page=page, items=items)


@bp.route("/<int:notification_id>/oeffnen")
@login_required
def open_notification(notification_id: int):
    """Mark the notification read and go to the place it is about (owner only).

    `?gruppe=1` (a grouped line of a mail) marks the older ones about the same thing too.
    """
    note = access.get_notification(notification_id=notification_id, user_id=current_user.id)
    if request.args.get("gruppe"):
        services.mark_group_read(note=note)
    else:
        services.mark_read(note=note)
    db.session.commit()
    return redirect(safe_next(note.url, url_for("notifications.inbox")))


@bp.route("/alle-gelesen", methods=["POST"])
@login_required
def mark_all_read():
    count = services.mark_all_read(user_id=current_user.id)
    db.session.commit()
    if count:
        flash(_("Alle Benachrichtigungen sind als gelesen markiert."), "success")
    return redirect(url_for("notifications.inbox"))


@bp.route("/einstellungen", methods=["GET", "POST"], endpoint="preferences")
@login_required
def edit_preferences():
    form = PreferencesForm()
    form.limit_to(available_kinds(current_app.blueprints))
    if form.validate_on_submit():
        preferences.set_deliveries(user_id=current_user.id, deliveries=form.deliveries())
        db.session.commit()
        flash(_("Deine Benachrichtigungs-Einstellungen sind gespeichert."), "success")
        return redirect(url_for("notifications.preferences"))
    if request.method == "GET":
        for kind, delivery in preferences.user_deliveries(user_id=current_user.id).items():
            if kind.value in form:
                form[kind.value].data = delivery.value
    return render_template("notifications/preferences.html", form=form,
                           digest_sections=sections.described())


@bp.route("/abbestellen/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058 one-click: the mail client POSTs without a session or token
def unsubscribe(token: str):
    """Public: the signed token says who and what; GET asks, POST unsubscribes."""
    data = read_unsubscribe_token(token)
    user = db.session.get(User, data[0]) if data else None
    if user is None:
        return render_template("notifications/unsubscribe.html", invalid=True), 400
    kind = data[1]
    if request.method == "POST":
        preferences.unsubscribe(user_id=user.id, kind=kind)
        db.session.commit()
    # Nobody is logged in here, but the token says whose mail it was: answer in their language.
    with force_locale(user.locale or "de"):
        what = _("den täglichen Überblick") if kind == DIGEST else str(LABELS[Kind(kind)])
        return render_template("notifications/unsubscribe.html", invalid=False, what=what,
                               done=request.method == "POST", token=token)
