"""The pair's private space: checklist, shared contacts, check-ins, panels (chat), ending."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from alumni_hub.buddies import bp
from alumni_hub.buddies.access import get_checkin, get_goal, get_pair_for
from alumni_hub.buddies.forms import CheckInForm, ContactForm, EndForm, GoalDoneForm, GoalForm
from alumni_hub.buddies.labels import ANSWER_LABELS
from alumni_hub.buddies.models import CheckIn, PairContact, PairGoal
from alumni_hub.buddies.panels import panels_for
from alumni_hub.buddies.services import checkins, pairs
from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.forms import show_error
from alumni_hub.extensions import db


def _render_pair(pair, *, goal_form=None, contact_form=None, checkin_form=None):
    goals = db.session.scalars(select(PairGoal).where(PairGoal.pair_id == pair.id)
                               .order_by(PairGoal.done, PairGoal.id)).all()
    contacts = {c.user_id: c.details for c in db.session.scalars(
        select(PairContact).where(PairContact.pair_id == pair.id))}
    open_checkin = db.session.scalar(select(CheckIn).where(
        CheckIn.pair_id == pair.id, CheckIn.user_id == current_user.id,
        CheckIn.answer.is_(None)).order_by(CheckIn.id.desc()).limit(1))
    return render_template(
        "buddies/pair.html", pair=pair, partner=pair.partner_of(current_user.id), goals=goals,
        my_contact=contacts.get(current_user.id, ""),
        partner_contact=contacts.get(pair.partner_of(current_user.id).id, ""),
        open_checkin=open_checkin, answer_labels=ANSWER_LABELS,
        panels=panels_for(pair, current_user), goal_form=goal_form or GoalForm(),
        contact_form=contact_form or ContactForm(details=contacts.get(current_user.id, "")),
        checkin_form=checkin_form or CheckInForm(), end_form=EndForm())


@bp.route("/paar/<int:pair_id>")
@login_required
def view_pair(pair_id: int):
    return _render_pair(get_pair_for(current_user, pair_id))


def _save(form, pair, action, success: str, form_name: str):
    """The shape every pair-space form shares: validate, act, commit once, or show the error."""
    if form.validate_on_submit():
        try:
            action()
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(success, "success")
            return redirect(url_for("buddies.view_pair", pair_id=pair.id))
    return _render_pair(pair, **{form_name: form})


@bp.route("/paar/<int:pair_id>/ziele", methods=["POST"])
@login_required
def add_goal(pair_id: int):
    pair = get_pair_for(current_user, pair_id)
    form = GoalForm()
    return _save(form, pair, lambda: pairs.add_goal(pair=pair, user=current_user,
                                                   text=form.text.data),
                 _("Das Ziel steht auf eurer Liste."), "goal_form")


@bp.route("/paar/<int:pair_id>/ziele/<int:goal_id>", methods=["POST"])
@login_required
def toggle_goal(pair_id: int, goal_id: int):
    pair = get_pair_for(current_user, pair_id)
    goal = get_goal(pair, goal_id)
    done = {"1": True, "0": False}.get(GoalDoneForm().done.data)
    try:
        pairs.toggle_goal(pair=pair, goal=goal, done=done)
    except AlumniHubError as error:
        db.session.rollback()
        flash(str(error.message), "error")
    else:
        db.session.commit()
    return redirect(url_for("buddies.view_pair", pair_id=pair.id) + "#ziele")


@bp.route("/paar/<int:pair_id>/kontakt", methods=["POST"])
@login_required
def share_contact(pair_id: int):
    pair = get_pair_for(current_user, pair_id)
    form = ContactForm()
    return _save(form, pair, lambda: pairs.share_contact(pair=pair, user=current_user,
                                                        details=form.details.data),
                 _("Deine Kontaktdaten sind gespeichert."), "contact_form")


@bp.route("/paar/<int:pair_id>/check-in/<int:checkin_id>", methods=["POST"])
@login_required
def answer_checkin(pair_id: int, checkin_id: int):
    pair = get_pair_for(current_user, pair_id)
    checkin = get_checkin(pair, current_user, checkin_id)
    form = CheckInForm()
    return _save(form, pair, lambda: checkins.answer_checkin(checkin=checkin, pair=pair,
                                                            answer=form.answer.data),
                 _("Danke für deine Rückmeldung!"), "checkin_form")


@bp.route("/paar/<int:pair_id>/beenden", methods=["GET", "POST"])
@login_required
def end_pair(pair_id: int):
    pair = get_pair_for(current_user, pair_id)
    form = EndForm()
    if form.validate_on_submit():
        try:
            pairs.end_pair(pair=pair, user=current_user, rating=form.rating.data,
                           comment=form.comment.data)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Die Begleitung ist beendet. Danke für eure Zeit!"), "success")
            return redirect(url_for("buddies.index"))
    return render_template("buddies/end_pair.html", pair=pair, form=form,
                           partner=pair.partner_of(current_user.id))
