"""Moderators: pairs with status and feedback (never their checklist), flags, matching rounds."""
from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from alumni_hub.buddies import bp, queries
from alumni_hub.buddies.forms import RoundForm
from alumni_hub.buddies.labels import SKIPPED, UNMATCHED, reasons_text
from alumni_hub.buddies.services import rounds
from alumni_hub.core.db import utcnow
from alumni_hub.core.permissions import moderator_required
from alumni_hub.core.urls import parse_db_int
from alumni_hub.extensions import db


@bp.route("/moderation")
@moderator_required
def moderate():
    page = db.paginate(queries.pairs_for_moderators(), per_page=current_app.config["PER_PAGE"],
                       error_out=False)
    now = utcnow()
    return render_template("buddies/moderate.html", page=page, now=now,
                           flagged=queries.flagged_pairs(now), is_flagged=queries.is_flagged,
                           open_requests=queries.open_request_count())


def _round_form(rows) -> RoundForm:
    form = RoundForm()
    if not form.is_submitted():
        for row in rows:
            form.rows.append_entry({"request_id": row.request.id,
                                    "buddy_id": row.proposed.buddy_id if row.proposed else None})
    no_one = ("", _("— niemand (Vorschlag verwerfen) —"))
    by_request = {row.request.id: row for row in rows}
    for entry in form.rows:
        row = by_request.get(parse_db_int(str(entry.request_id.data)) or 0)
        candidates = row.candidates if row else []
        entry.buddy_id.choices = [no_one] + [
            (offer.user_id, f"{offer.user.display_name} ({score.total})")
            for offer, score in candidates]
    return form


@bp.route("/moderation/runde", methods=["GET", "POST"])
@moderator_required
def matching_round():
    rows = rounds.propose_round()
    form = _round_form(rows)
    if form.validate_on_submit():
        choices = [(parse_db_int(str(e.request_id.data)) or 0, e.buddy_id.data) for e in form.rows]
        outcome = rounds.confirm_round(actor=current_user, choices=choices)
        db.session.commit()
        if outcome.pairs:
            flash(ngettext("%(num)d Buddy-Paar bestätigt; beide Seiten sind benachrichtigt.",
                           "%(num)d Buddy-Paare bestätigt; beide Seiten sind benachrichtigt.",
                           len(outcome.pairs)), "success")
        else:
            flash(_("Es wurde kein Buddy-Paar bestätigt."), "info")
        for request, buddy, why in outcome.skipped:
            flash(_("Nicht bestätigt: %(newcomer)s mit %(buddy)s – %(why)s",
                    newcomer=request.user.display_name,
                    buddy=buddy.display_name if buddy else "?", why=SKIPPED[why]), "error")
        return redirect(url_for("buddies.moderate"))
    reasons = {row.request.id: reasons_text(row.proposed) if row.proposed else "" for row in rows}
    return render_template("buddies/round.html", rows=rows, form=form, reasons=reasons,
                           unmatched=UNMATCHED,
                           entries={parse_db_int(str(e.request_id.data)) or 0: e
                                    for e in form.rows})
