"""`flask send-reminders`: 3 days and 1 hour before, once; meeting_ended once per meeting."""
from datetime import date, time, timedelta

from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.core.signals import meeting_ended
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting
from alumni_hub.meetings.services import schedule
from alumni_hub.notifications.models import Notification


def _reminders(app, user):
    with app.app_context():
        return db.session.scalars(select(Notification.kind).where(
            Notification.user_id == user.id, Notification.kind == "meeting_reminder")).all()


def _move(app, meeting, delta):
    with app.app_context():
        row = db.session.get(Meeting, meeting.id)
        row.starts_at += delta
        row.ends_at += delta
        db.session.commit()


def test_reminder_goes_to_yes_and_maybe_once_even_when_run_twice(app, runner, make_meeting,
                                                                 make_rsvp, make_user):
    meeting = make_meeting(days=1)  # about two days ahead: the 3-day reminder is due
    yes, maybe, no = make_user(), make_user(), make_user()
    make_rsvp(meeting, yes, "yes")
    make_rsvp(meeting, maybe, "maybe")
    make_rsvp(meeting, no, "no")
    first = runner.invoke(args=["send-reminders"])
    assert "2 Erinnerungen verschickt" in first.output
    runner.invoke(args=["send-reminders"])
    assert _reminders(app, yes) == ["meeting_reminder"]
    assert _reminders(app, maybe) == ["meeting_reminder"]
    assert _reminders(app, no) == []


def test_one_hour_reminder_follows_the_three_day_one(app, runner, make_meeting, make_rsvp,
                                                     make_user):
    meeting = make_meeting(days=1)
    person = make_user()
    make_rsvp(meeting, person)
    runner.invoke(args=["send-reminders"])
    with app.app_context():
        row = db.session.get(Meeting, meeting.id)
        shift = (utcnow() + timedelta(minutes=30)) - row.starts_at
    _move(app, meeting, shift)
    runner.invoke(args=["send-reminders"])
    runner.invoke(args=["send-reminders"])
    assert _reminders(app, person) == ["meeting_reminder", "meeting_reminder"]


def test_meeting_ended_is_sent_once_with_the_attendees(app, runner, make_meeting, make_user):
    attendee = make_user()
    meeting = make_meeting(days=-3, attendees=[attendee])
    received = []

    def listen(sender, **kwargs):
        received.append(kwargs)

    meeting_ended.connect(listen)
    try:
        runner.invoke(args=["send-reminders"])
        runner.invoke(args=["send-reminders"])
    finally:
        meeting_ended.disconnect(listen)
    assert received == [{"meeting_id": meeting.id, "series_id": None,
                         "attendee_ids": [attendee.id]}]


def test_cron_keeps_a_series_a_year_ahead_without_doubling_months(app, runner, make_user):
    moderator = make_user(role="moderator")
    with app.app_context():
        schedule.create_series(actor=db.session.get(User, moderator.id), now=utcnow(),
                               data=schedule.SeriesInput(title="Alumni-Treffen",
                                                         start_time=time(19),
                                                         first_day=date.today()))
        last = db.session.scalar(select(Meeting).order_by(Meeting.starts_at.desc()))
        count = db.session.scalar(select(db.func.count(Meeting.id)))
        db.session.delete(last)  # as if the year had moved on by one meeting
        db.session.commit()
    assert "1 neue Termine aus Reihen angelegt" in runner.invoke(args=["send-reminders"]).output
    assert "0 neue Termine" in runner.invoke(args=["send-reminders"]).output
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Meeting.id))) == count
