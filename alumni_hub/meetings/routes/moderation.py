"""Moderators schedule: series, one-off meetings, moving and cancelling, agenda decisions."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.forms import show_error
from alumni_hub.core.permissions import moderator_required
from alumni_hub.extensions import db
from alumni_hub.meetings import access, bp, queries
from alumni_hub.meetings.forms import AgendaItemForm, EmptyForm, MeetingForm, SeriesForm
from alumni_hub.meetings.recurrence import moved_by_spring_switch, to_berlin
from alumni_hub.meetings.services import agenda, schedule


def _series_input(form: SeriesForm) -> schedule.SeriesInput:
    return schedule.SeriesInput(
        title=form.title.data, start_time=form.start_time.data, first_day=form.first_day.data,
        interval_months=form.interval_months.data, day_rule=form.day_rule.data,
        week_of_month=form.week_of_month.data, weekday=form.weekday.data,
        day_of_month=form.day_of_month.data or 1, duration_minutes=form.duration_minutes.data,
        place=form.place())


def _meeting_input(form: MeetingForm) -> schedule.MeetingInput:
    return schedule.MeetingInput(title=form.title.data, day=form.day.data,
                                 start_time=form.start_time.data, end_time=form.end_time.data,
                                 place=form.place())


def _saved(message: str, meeting_id: int | None = None):
    db.session.commit()
    flash(message, "success")
    if meeting_id is None:
        return redirect(url_for("meetings.index"))
    return redirect(url_for("meetings.view_meeting", meeting_id=meeting_id))


def _spring_notices(series, now) -> None:
    """A series at 02:30 meets at 03:30 on the day the clocks skip that hour: say so."""
    for start in moved_by_spring_switch(series.start_time, queries.series_starts(series.id, now)):
        flash(_("Am %(date)s gibt es %(time)s Uhr wegen der Umstellung auf Sommerzeit nicht: "
                "dieses Treffen beginnt um %(moved)s Uhr.",
                date=to_berlin(start).strftime("%d.%m.%Y"),
                time=series.start_time.strftime("%H:%M"),
                moved=to_berlin(start).strftime("%H:%M")), "warning")


@bp.route("/reihe/neu", methods=["GET", "POST"])
@moderator_required
def new_series():
    form = SeriesForm()
    if form.validate_on_submit():
        now = utcnow()
        try:
            series = schedule.create_series(actor=current_user, data=_series_input(form),
                                            now=now)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            saved = _saved(_("Die Terminreihe ist angelegt; die Treffen der nächsten zwölf "
                             "Monate stehen im Kalender."))
            _spring_notices(series, now)
            return saved
    return render_template("meetings/series_form.html", form=form, series=None)


@bp.route("/reihe/<int:series_id>/bearbeiten", methods=["GET", "POST"])
@moderator_required
def edit_series(series_id: int):
    series = access.get_series(series_id)
    form = SeriesForm(obj=series, description=series.description_md)
    if form.validate_on_submit():
        now = utcnow()
        try:
            created, changed = schedule.update_series(
                actor=current_user, series=series, data=_series_input(form),
                apply_to_all=form.apply_to.data == "all", now=now)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            saved = _saved(_("Die Reihe ist gespeichert: %(changed)s Treffen geändert, "
                             "%(created)s neu angelegt.", changed=len(changed),
                             created=len(created)))
            _spring_notices(series, now)
            return saved
    return render_template("meetings/series_form.html", form=form, series=series)


@bp.route("/neu", methods=["GET", "POST"])
@moderator_required
def new_meeting():
    form = MeetingForm()
    if form.validate_on_submit():
        try:
            meeting = schedule.create_meeting(actor=current_user, data=_meeting_input(form),
                                              now=utcnow())
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            return _saved(_("Das Treffen ist angelegt."), meeting.id)
    return render_template("meetings/meeting_form.html", form=form, meeting=None)


@bp.route("/<int:meeting_id>/bearbeiten", methods=["GET", "POST"])
@moderator_required
def edit_meeting(meeting_id: int):
    meeting = access.get_meeting(meeting_id)
    start, end = to_berlin(meeting.starts_at), to_berlin(meeting.ends_at)
    form = MeetingForm(obj=meeting, day=start.date(), start_time=start.time(),
                       end_time=end.time(), description=meeting.description_md)
    if form.validate_on_submit():
        now = utcnow()
        try:
            outcome = schedule.edit_meeting(actor=current_user, meeting=meeting,
                                            data=_meeting_input(form), now=now)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            messages = {
                schedule.UNCHANGED: _("Es hat sich nichts geändert; niemand wird informiert."),
                schedule.CORRECTED: _("Das Treffen ist geändert."),
                schedule.ANNOUNCED: _("Das Treffen ist geändert; wer zugesagt hat, wird "
                                      "informiert.")}
            return _saved(messages[outcome], meeting.id)
    return render_template("meetings/meeting_form.html", form=form, meeting=meeting,
                           cancel_form=EmptyForm())


@bp.post("/<int:meeting_id>/absagen")
@moderator_required
def cancel_meeting(meeting_id: int):
    meeting = access.get_meeting(meeting_id)
    if EmptyForm().validate_on_submit():
        try:
            schedule.cancel_meeting(actor=current_user, meeting=meeting, now=utcnow())
        except AlumniHubError as error:
            db.session.rollback()
            flash(str(error.message), "error")
        else:
            return _saved(_("Das Treffen ist abgesagt."), meeting.id)
    return redirect(url_for("meetings.view_meeting", meeting_id=meeting.id))


def _agenda_forms(meeting):
    people = [SelectChoice(0, "—")] + [SelectChoice(r.user_id, r.user.display_name)
                                       for r in queries.rsvps(meeting.id) if r.answer != "no"]
    forms = []
    for topic in queries.agenda(meeting.id, current_user):
        item = topic.item
        form = AgendaItemForm(prefix=f"t{item.id}", status=item.status, position=item.position,
                              slot_minutes=item.slot_minutes, presenter_id=item.presenter_id or 0)
        choices = people if any(p.value == item.proposer_id for p in people) \
            or not item.proposer \
            else people + [SelectChoice(item.proposer_id, item.proposer.display_name)]
        form.presenter_id.choices = choices
        forms.append((topic, form))
    return forms


@bp.route("/<int:meeting_id>/tagesordnung", methods=["GET"])
@moderator_required
def manage_agenda(meeting_id: int):
    meeting = access.get_meeting(meeting_id)
    return render_template("meetings/agenda.html", meeting=meeting, forms=_agenda_forms(meeting))


@bp.post("/thema/<int:item_id>/verwalten")
@moderator_required
def update_topic(item_id: int):
    item = access.get_topic(item_id)
    meeting_id = item.meeting_id
    pairs = _agenda_forms(item.meeting)
    form = next(f for t, f in pairs if t.item.id == item.id)
    if form.validate_on_submit():
        try:
            agenda.manage(item=item, actor=current_user, status=form.status.data,
                          position=form.position.data, slot_minutes=form.slot_minutes.data,
                          presenter_id=form.presenter_id.data or None)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("„%(title)s“ ist gespeichert.", title=item.title), "success")
            return redirect(url_for("meetings.manage_agenda", meeting_id=meeting_id))
    return render_template("meetings/agenda.html", meeting=item.meeting, forms=pairs)
