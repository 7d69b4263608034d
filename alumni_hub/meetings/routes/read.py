"""Reading meetings: the overview (next, upcoming, archive) and a meeting's page."""
from flask import render_template, request
from flask_login import current_user, login_required

from alumni_hub.core.db import utcnow
from alumni_hub.meetings import access, bp, queries
from alumni_hub.meetings.forms import EmptyForm, RsvpForm, TopicForm
from alumni_hub.meetings.models import ACCEPTED, DISCUSSED, MAYBE, NO, YES
from alumni_hub.meetings.panels import panels_for


@bp.route("/")
@login_required
def index():
    now = utcnow()
    upcoming = queries.upcoming(now)
    upcoming_next = queries.next_meeting(now)
    archive = queries.archive(now, max(request.args.get("page", 1, type=int) or 1, 1))
    ids = [m.id for m in upcoming] + [m.id for m in archive.items]
    return render_template("meetings/index.html", next=upcoming_next,
                           upcoming=[m for m in upcoming if m is not upcoming_next],
                           archive=archive, answers=queries.answers_of(current_user, ids),
                           yes_counts=queries.yes_counts(ids), now=now,
                           can_moderate=access.can_moderate(current_user), form=RsvpForm())


def render_meeting(meeting, *, topic_form=None):
    """The meeting page; a refused topic comes back here with its message and text."""
    now = utcnow()
    rsvps = queries.rsvps(meeting.id)
    topics = queries.agenda(meeting.id, current_user)
    mine = next((r for r in rsvps if r.user_id == current_user.id), None)
    return render_template(
        "meetings/meeting.html", meeting=meeting, now=now, mine=mine,
        confirmed=[r for r in rsvps if r.confirmed],
        waiting=[r for r in rsvps if r.answer == YES and not r.confirmed],
        maybe=[r for r in rsvps if r.answer == MAYBE],
        declined=[r for r in rsvps if r.answer == NO],
        agenda=[t for t in topics if t.item.status in (ACCEPTED, DISCUSSED)],
        proposals=sorted((t for t in topics if t.item.status == "proposed"),
                         key=lambda t: -t.votes),
        topic_form=topic_form or TopicForm(), rsvp_form=RsvpForm(), button_form=EmptyForm(),
        can_moderate=access.can_moderate(current_user),
        panels=panels_for(meeting, current_user))


@bp.route("/<int:meeting_id>")
@login_required
def view_meeting(meeting_id: int):
    return render_meeting(access.get_meeting(meeting_id))
