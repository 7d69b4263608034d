"""Moderators write and publish a meeting's recap."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from alumni_hub.boards.services import categories
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.forms import show_error
from alumni_hub.core.permissions import moderator_required
from alumni_hub.extensions import db
from alumni_hub.meetings import access, bp, queries
from alumni_hub.meetings.forms import PublishForm, RecapForm
from alumni_hub.meetings.models import ACCEPTED, DISCUSSED
from alumni_hub.meetings.services import recap


def _recap_items(meeting):
    return [t.item for t in queries.agenda(meeting.id, current_user)
            if t.item.status in (ACCEPTED, DISCUSSED)]


def _publish_form():
    form = PublishForm()
    form.category_id.choices = [SelectChoice(0, _("Keine Diskussion eröffnen"))] + [
        SelectChoice(c.id, c.name) for c in categories.list_categories()]
    return form


def _attendees(meeting) -> str:
    """Prefilled from the Zusagen; the moderator corrects who really came."""
    return ", ".join(r.user.display_name for r in queries.rsvps(meeting.id) if r.confirmed)


@bp.route("/<int:meeting_id>/protokoll", methods=["GET", "POST"])
@moderator_required
def edit_recap(meeting_id: int):
    meeting = access.get_meeting(meeting_id)
    items = _recap_items(meeting)
    form = RecapForm(body=meeting.recap_md,
                     attendees=meeting.recap_attendees or _attendees(meeting))
    notes = {i.id: request.form.get(f"notes_{i.id}", i.notes_md) for i in items}
    if form.validate_on_submit():
        try:
            recap.save_recap(meeting=meeting, attendees=form.attendees.data,
                             body_md=form.body.data, notes=notes, items=items)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error, field="body")
        else:
            db.session.commit()
            flash(_("Das Protokoll ist gespeichert."), "success")
            return redirect(url_for("meetings.edit_recap", meeting_id=meeting.id))
    return render_template("meetings/recap_form.html", meeting=meeting, form=form, items=items,
                           notes=notes, publish_form=_publish_form(),
                           started=meeting.starts_at <= utcnow())


@bp.post("/<int:meeting_id>/protokoll/veroeffentlichen")
@moderator_required
def publish_recap(meeting_id: int):
    meeting = access.get_meeting(meeting_id)
    form = _publish_form()
    if form.validate_on_submit():
        category = next((c for c in categories.list_categories()
                         if c.id == form.category_id.data), None)
        try:
            recap.publish_recap(meeting=meeting, actor=current_user, now=utcnow(),
                                category=category)
        except AlumniHubError as error:
            db.session.rollback()
            flash(str(error.message), "error")
        else:
            db.session.commit()
            flash(_("Das Protokoll ist veröffentlicht."), "success")
            return redirect(url_for("meetings.view_meeting", meeting_id=meeting.id))
    return redirect(url_for("meetings.edit_recap", meeting_id=meeting.id))
