"""Calendar files: .ics per meeting and per series, and the personal subscription feed."""
from datetime import timedelta

from flask import Response, abort, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from alumni_hub.core.db import utcnow
from alumni_hub.core.urls import absolute_url
from alumni_hub.extensions import db, limiter
from alumni_hub.meetings import access, bp, queries
from alumni_hub.meetings.forms import FORMAT_LABELS, EmptyForm
from alumni_hub.meetings.ical import IcsEvent, build_calendar
from alumni_hub.meetings.services import calendar

# The feed shows meetings from this long ago on, so recent ones stay in the calendar.
FEED_PAST = timedelta(days=90)


def _event(meeting) -> IcsEvent:
    where = ", ".join(p for p in (meeting.venue, meeting.address) if p) \
        or str(FORMAT_LABELS[meeting.format])
    return IcsEvent(uid=meeting.uid, sequence=meeting.sequence, title=meeting.title,
                    starts_at=meeting.starts_at, ends_at=meeting.ends_at,
                    url=absolute_url("meetings.view_meeting", meeting_id=meeting.id),
                    updated_at=meeting.updated_at, description=meeting.description_md,
                    location=where, cancelled=meeting.cancelled)


def _ics(meetings, *, name: str, filename: str) -> Response:
    body = build_calendar([_event(m) for m in meetings], name=name,
                          alarm_text=_("Das Alumni-Treffen beginnt in einer Stunde."))
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "private, no-store"})


@bp.route("/<int:meeting_id>.ics")
@login_required
def download_ics(meeting_id: int):
    meeting = access.get_meeting(meeting_id)
    return _ics([meeting], name=meeting.title, filename=f"treffen-{meeting.id}.ics")


@bp.route("/reihe/<int:series_id>.ics")
@login_required
def series_ics(series_id: int):
    series = access.get_series(series_id)
    meetings = queries.series_meetings(series.id, utcnow() - FEED_PAST)
    return _ics(meetings, name=series.title, filename=f"reihe-{series.id}.ics")


@bp.route("/kalender/<token>.ics")
@limiter.limit("60 per minute")
def feed(token: str):
    """For calendar apps: no login cookie, the secret in the address is the key."""
    user = queries.feed_user(token)
    if user is None:
        abort(404)
    meetings = queries.feed_meetings(user, utcnow() - FEED_PAST)
    return _ics(meetings, name=_("Alumni-Treffen"), filename="alumni-treffen.ics")


@bp.route("/kalender", methods=["GET", "POST"])
@login_required
def calendar_settings():
    """Shows the feed address once, right after it is made: only its hash is stored."""
    form, token = EmptyForm(), None
    if form.validate_on_submit():
        token = calendar.renew_feed_token(user=current_user, now=utcnow())
        db.session.commit()
    url = absolute_url("meetings.feed", token=token) if token else None
    return render_template("meetings/calendar.html", form=form, feed_url=url,
                           has_feed=queries.has_feed(current_user))
