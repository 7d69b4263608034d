"""What members do: answer, propose and edit topics, vote, propose a forum thread."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from alumni_hub.boards.models import Thread
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import AlumniHubError, NotFound
from alumni_hub.core.forms import show_error
from alumni_hub.core.urls import parse_db_int
from alumni_hub.extensions import db
from alumni_hub.meetings import access, bp, queries
from alumni_hub.meetings.forms import EmptyForm, RsvpForm, TopicForm
from alumni_hub.meetings.routes.read import render_meeting
from alumni_hub.meetings.services import agenda, rsvp

def _back(meeting_id: int, anchor: str = ""):
    return redirect(url_for("meetings.view_meeting", meeting_id=meeting_id) + anchor)


@bp.post("/<int:meeting_id>/antwort")
@login_required
def answer_meeting(meeting_id: int):
    meeting = access.get_meeting(meeting_id)
    form = RsvpForm()
    if form.validate_on_submit():
        try:
            answer = rsvp.answer(meeting=meeting, user=current_user, answer=form.answer.data,
                                 now=utcnow())
        except AlumniHubError as error:
            db.session.rollback()
            flash(str(error.message), "error")
        else:
            db.session.commit()
            flash(_answered(answer), "success")
    return _back(meeting_id, "#antwort")


def _answered(answer) -> str:
    if answer.answer == "yes":
        if answer.waitlist_position:
            return _("Alle Plätze sind belegt – du stehst auf Platz %(n)s der Warteliste.",
                     n=answer.waitlist_position)
        return _("Du hast zugesagt.")
    return _("Du hast mit „Vielleicht“ geantwortet.") if answer.answer == "maybe" \
        else _("Du hast abgesagt.")


@bp.post("/<int:meeting_id>/themen")
@login_required
def propose_topic(meeting_id: int):
    meeting = access.get_meeting(meeting_id)
    form = TopicForm()
    if form.validate_on_submit():
        try:
            agenda.propose(meeting=meeting, user=current_user, title=form.title.data,
                           description_md=form.description.data, now=utcnow(),
                           thread_id=parse_db_int(form.thread.data))
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Danke! Dein Thema steht jetzt zur Abstimmung."), "success")
            return _back(meeting_id, "#themen")
    return render_meeting(meeting, topic_form=form)


@bp.route("/thema/<int:item_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit_topic(item_id: int):
    """After the meeting's start the proposer sees the topic read-only; a POST is refused."""
    item = access.get_topic(item_id, user=current_user, check_editor=True)
    form = TopicForm(title=item.title, description=item.description_md)
    status = 200
    if form.validate_on_submit():
        try:
            agenda.edit_topic(item=item, actor=current_user, title=form.title.data,
                              description_md=form.description.data, now=utcnow())
        except agenda.TopicLocked:
            db.session.rollback()
            status = 403
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Das Thema ist gespeichert."), "success")
            return _back(item.meeting_id, "#themen")
    return render_template("meetings/topic_form.html", form=form, item=item,
                           locked=access.topic_locked(current_user, item, utcnow())), status


def _vote(item_id: int, action):
    item = access.get_topic(item_id)
    if EmptyForm().validate_on_submit():
        try:
            action(item=item, user=current_user, now=utcnow())
        except AlumniHubError as error:
            db.session.rollback()
            flash(str(error.message), "error")
        else:
            db.session.commit()
    return _back(item.meeting_id, f"#thema-{item.id}")


@bp.post("/thema/<int:item_id>/stimme")
@login_required
def vote_topic(item_id: int):
    return _vote(item_id, agenda.vote)


@bp.post("/thema/<int:item_id>/stimme-zuruecknehmen")
@login_required
def unvote_topic(item_id: int):
    return _vote(item_id, agenda.unvote)


@bp.route("/vorschlagen", methods=["GET", "POST"])
@login_required
def propose_thread():
    """"Fürs nächste Treffen vorschlagen" from a forum thread: the thread becomes a topic."""
    thread = db.session.scalar(select(Thread).where(
        Thread.id == (parse_db_int(request.values.get("thread")) or 0)))
    if thread is None:
        raise NotFound(_("Diese Diskussion gibt es nicht."))
    meeting = queries.next_meeting(utcnow())
    form = TopicForm(title=thread.title, thread=str(thread.id))
    if meeting is not None and form.validate_on_submit():
        try:
            agenda.propose(meeting=meeting, user=current_user, title=form.title.data,
                           description_md=form.description.data, now=utcnow(),
                           thread_id=thread.id)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Die Diskussion steht jetzt als Thema zur Abstimmung."), "success")
            return _back(meeting.id, "#themen")
    return render_template("meetings/propose_thread.html", form=form, thread=thread,
                           meeting=meeting)
