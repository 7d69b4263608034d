"""Series and single meetings: generation, edits for all or only new, moves keep identity."""
from datetime import date, time, timedelta

from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting, MeetingSeries
from alumni_hub.meetings.recurrence import to_berlin
from alumni_hub.meetings.services import schedule


def _series_form(**changes):
    data = {"title": "Alumni-Treffen", "interval_months": "2", "day_rule": "weekday",
            "week_of_month": "2", "weekday": "1", "day_of_month": "1", "start_time": "19:00",
            "duration_minutes": "90", "first_day": date.today().isoformat(),
            "format": "online", "video_url": "https://meet.example.org/alumni",
            "venue": "", "address": "", "capacity": "", "description": "Wir tauschen uns aus.",
            "apply_to": "all"}
    data.update(changes)
    return data


def _meetings(app):
    with app.app_context():
        return [(m.uid, m.sequence, to_berlin(m.starts_at), m.status, m.detached)
                for m in db.session.scalars(select(Meeting).order_by(Meeting.starts_at))]


def test_moderator_creates_bimonthly_series_with_a_years_meetings_at_1900_berlin(app, client,
                                                                               auth):
    auth.login(role="moderator")
    response = client.post("/treffen/reihe/neu", data=_series_form(), follow_redirects=True)
    assert "Die Terminreihe ist angelegt" in response.get_data(as_text=True)
    meetings = _meetings(app)
    assert 5 <= len(meetings) <= 6
    assert {(start.hour, start.minute, start.weekday()) for _, _, start, _, _ in meetings} == {
        (19, 0, 1)}
    assert all(8 <= start.day <= 14 for _, _, start, _, _ in meetings)


def test_editing_series_for_all_retimes_future_meetings_keeping_uid_and_raising_sequence(
        app, client, auth):
    auth.login(role="moderator")
    client.post("/treffen/reihe/neu", data=_series_form())
    before = _meetings(app)
    with app.app_context():
        series_id = db.session.scalar(select(MeetingSeries.id))
    client.post(f"/treffen/reihe/{series_id}/bearbeiten",
                data=_series_form(start_time="18:30", week_of_month="-1", weekday="3"))
    after = _meetings(app)
    assert [m[0] for m in after] == [m[0] for m in before]
    assert all(seq == 1 for _, seq, _, _, _ in after)
    assert {(s.hour, s.minute, s.weekday()) for _, _, s, _, _ in after} == {(18, 30, 3)}


def test_editing_series_for_new_only_leaves_existing_meetings_alone(app, client, auth):
    auth.login(role="moderator")
    client.post("/treffen/reihe/neu", data=_series_form())
    before = _meetings(app)
    with app.app_context():
        series_id = db.session.scalar(select(MeetingSeries.id))
    client.post(f"/treffen/reihe/{series_id}/bearbeiten",
                data=_series_form(start_time="18:00", apply_to="new"))
    assert _meetings(app) == before


def test_moved_meeting_keeps_uid_and_is_left_alone_by_series_edits(app, client, auth):
    moderator = auth.login(role="moderator")
    client.post("/treffen/reihe/neu", data=_series_form())
    with app.app_context():
        series = db.session.scalar(select(MeetingSeries))
        first = db.session.scalar(select(Meeting).order_by(Meeting.starts_at))
        uid, first_id = first.uid, first.id
        new_day = to_berlin(first.starts_at).date() + timedelta(days=1)
        schedule.edit_meeting(actor=db.session.get(User, moderator.id), meeting=first,
                              now=utcnow(), data=schedule.MeetingInput(
                                  title=first.title, day=new_day, start_time=time(20),
                                  end_time=time(21)))
        schedule.update_series(actor=db.session.get(User, moderator.id), series=series,
                               apply_to_all=True, now=utcnow(), data=schedule.SeriesInput(
                                   title="Alumni-Treffen", start_time=time(17),
                                   first_day=series.first_day))
        db.session.commit()
        moved = db.session.get(Meeting, first_id)
        assert moved.uid == uid and moved.sequence == 1 and moved.detached
        assert to_berlin(moved.starts_at).hour == 20


def test_past_meetings_are_never_touched_by_series_edits(app, make_user):
    moderator = make_user(role="moderator")
    with app.app_context():
        actor = db.session.get(User, moderator.id)
        series = schedule.create_series(actor=actor, now=utcnow(), data=schedule.SeriesInput(
            title="Alumni-Treffen", start_time=time(19), first_day=date.today()))
        first = db.session.scalar(select(Meeting).order_by(Meeting.starts_at))
        first.starts_at -= timedelta(days=400)
        first.ends_at -= timedelta(days=400)
        past_start = first.starts_at
        schedule.update_series(actor=actor, series=series, apply_to_all=True, now=utcnow(),
                               data=schedule.SeriesInput(title="Neu", start_time=time(8),
                                                         first_day=series.first_day))
        db.session.commit()
        again = db.session.get(Meeting, first.id)
        assert again.starts_at == past_start and again.title == "Alumni-Treffen"
        assert again.sequence == 0


def test_cancelled_meeting_says_so_and_raises_sequence(app, client, auth, make_meeting):
    auth.login(role="moderator")
    meeting = make_meeting()
    page = client.post(f"/treffen/{meeting.id}/absagen", follow_redirects=True).get_data(
        as_text=True)
    assert "Dieses Treffen ist abgesagt." in page
    [(uid, sequence, _, status, _)] = _meetings(app)
    assert (uid, sequence, status) == (meeting.uid, 1, "cancelled")
