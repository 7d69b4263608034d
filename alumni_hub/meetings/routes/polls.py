"""Date polls: moderators offer dates and decide; members answer Ja / Wenn nötig / Nein."""
from collections import Counter

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.forms import show_error
from alumni_hub.core.permissions import moderator_required
from alumni_hub.extensions import db
from alumni_hub.meetings import access, bp, queries
from alumni_hub.meetings.forms import DecideForm, EmptyForm, PollForm, parse_options
from alumni_hub.meetings.services import polls


@bp.route("/abstimmungen")
@login_required
def list_polls():
    return render_template("meetings/polls.html", polls=queries.open_polls(),
                           can_moderate=access.can_moderate(current_user))


@bp.route("/abstimmungen/neu", methods=["GET", "POST"])
@moderator_required
def new_poll():
    form = PollForm()
    if form.validate_on_submit():
        try:
            poll = polls.create_poll(actor=current_user, title=form.title.data,
                                     place=form.place(), options=parse_options(form.options.data),
                                     duration_minutes=form.duration_minutes.data, now=utcnow())
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Die Terminabstimmung läuft."), "success")
            return redirect(url_for("meetings.view_poll", poll_id=poll.id))
    return render_template("meetings/poll_form.html", form=form)


def render_poll(poll, *, chosen=None, error=None):
    answers = queries.poll_answers(poll)
    table = {(a.user_id, a.option_id): a.answer for a in answers}
    people = sorted({a.user for a in answers}, key=lambda u: u.display_name.lower())
    totals = {o.id: Counter(a.answer for a in answers if a.option_id == o.id)
              for o in poll.options}
    mine = chosen if chosen is not None else {
        o.id: table.get((current_user.id, o.id), "") for o in poll.options}
    return render_template("meetings/poll.html", poll=poll, people=people, table=table,
                           totals=totals, mine=mine, error=error, form=EmptyForm(),
                           decide_form=DecideForm(),
                           can_moderate=access.can_moderate(current_user))


@bp.route("/abstimmungen/<int:poll_id>")
@login_required
def view_poll(poll_id: int):
    return render_poll(access.get_poll(poll_id))


@bp.post("/abstimmungen/<int:poll_id>/antworten")
@login_required
def answer_poll(poll_id: int):
    poll = access.get_poll(poll_id)
    chosen = {o.id: request.form.get(f"option_{o.id}", "") for o in poll.options}
    if not EmptyForm().validate_on_submit():
        return render_poll(poll, chosen=chosen)
    try:
        polls.answer_poll(poll=poll, user=current_user,
                          answers={k: v for k, v in chosen.items() if v})
    except AlumniHubError as error:
        db.session.rollback()
        return render_poll(poll, chosen=chosen, error=error.message)
    db.session.commit()
    flash(_("Deine Antworten sind gespeichert."), "success")
    return redirect(url_for("meetings.view_poll", poll_id=poll.id))


@bp.post("/abstimmungen/<int:poll_id>/festlegen")
@moderator_required
def decide_poll(poll_id: int):
    poll = access.get_poll(poll_id)
    form = DecideForm()
    if form.validate_on_submit():
        try:
            meeting = polls.decide_poll(poll=poll, option_id=form.option_id.data,
                                        actor=current_user, now=utcnow())
        except AlumniHubError as error:
            db.session.rollback()
            flash(str(error.message), "error")
        else:
            db.session.commit()
            flash(_("Der Termin steht; alle, die abgestimmt haben, sind informiert."),
                  "success")
            return redirect(url_for("meetings.view_meeting", meeting_id=meeting.id))
    return redirect(url_for("meetings.view_poll", poll_id=poll.id))
