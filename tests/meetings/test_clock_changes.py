"""Series and meetings at the hours the clocks change: the skipped spring hour is shown to
the moderator, the repeated autumn hour keeps the meeting's instant when re-saved."""
from datetime import datetime, time, timedelta, timezone

import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting, MeetingSeries
from alumni_hub.meetings.recurrence import LAST, Rule, day_in_month, to_berlin
from alumni_hub.meetings.services import schedule
from alumni_hub.meetings.validation import Place

LAST_SUNDAY = Rule(day_rule="weekday", week_of_month=LAST, weekday=6)


def _next_switch(month: int):
    """The next last Sunday of March (3) or October (10) at least two days ahead."""
    today = to_berlin(utcnow()).date()
    for year in (today.year, today.year + 1):
        day = day_in_month(LAST_SUNDAY, year, month)
        if day > today + timedelta(days=1):
            return day
    raise AssertionError("unreachable")


def _series_form(first_day, **changes):
    data = {"title": "Nachteulen-Treffen", "interval_months": "1", "day_rule": "weekday",
            "week_of_month": "-1", "weekday": "6", "day_of_month": "1", "start_time": "02:30",
            "duration_minutes": "60", "first_day": first_day.isoformat(), "format": "online",
            "video_url": "https://meet.example.org/alumni", "venue": "", "address": "",
            "capacity": "", "description": "", "apply_to": "all"}
    data.update(changes)
    return data


def _berlin_starts(app):
    with app.app_context():
        return [to_berlin(s) for s in db.session.scalars(
            select(Meeting.starts_at).order_by(Meeting.starts_at))]


def test_a_series_at_0230_tells_the_moderator_which_meeting_the_spring_switch_moves(
        app, client, auth):
    spring = _next_switch(3)
    auth.login(role="moderator")
    html = client.post("/treffen/reihe/neu", data=_series_form(spring),
                       follow_redirects=True).get_data(as_text=True)
    when = spring.strftime("%d.%m.%Y")
    assert (f"Am {when} gibt es 02:30 Uhr wegen der Umstellung auf Sommerzeit nicht: dieses "
            "Treffen beginnt um 03:30 Uhr.") in html
    assert html.count("Umstellung auf Sommerzeit") == 1  # the autumn 02:30 exists (twice)
    starts = _berlin_starts(app)
    assert (starts[0].date(), starts[0].time()) == (spring, time(3, 30))
    assert {s.time() for s in starts[1:]} == {time(2, 30)}


def test_editing_a_series_to_0230_shows_the_notice_too_and_1900_shows_none(app, client, auth):
    spring = _next_switch(3)
    auth.login(role="moderator")
    html = client.post("/treffen/reihe/neu", data=_series_form(spring, start_time="19:00"),
                       follow_redirects=True).get_data(as_text=True)
    assert "Umstellung auf Sommerzeit" not in html
    with app.app_context():
        series_id = db.session.scalar(select(MeetingSeries.id))
    html = client.post(f"/treffen/reihe/{series_id}/bearbeiten", data=_series_form(spring),
                       follow_redirects=True).get_data(as_text=True)
    assert f"Am {spring.strftime('%d.%m.%Y')} gibt es 02:30 Uhr" in html


def _utc(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone.utc)


@pytest.mark.parametrize("start_utc, end_utc, shown", [
    # 02:30 the second time (CET) to 03:30
    ((0, 1, 30), (0, 2, 30), ("02:30", "03:30")),
    # 01:30 (CEST) to 02:00 the second time (CET): 90 real minutes
    ((-1, 23, 30), (0, 1, 0), ("01:30", "02:00")),
])
def test_resaving_a_meeting_in_the_repeated_autumn_hour_keeps_its_instant(
        app, client, auth, make_user, start_utc, end_utc, shown):
    autumn = _next_switch(10)
    moderator = make_user(role="moderator")
    starts_at = _utc(autumn + timedelta(days=start_utc[0]), *start_utc[1:])
    ends_at = _utc(autumn + timedelta(days=end_utc[0]), *end_utc[1:])
    with app.app_context():
        meeting_id = schedule.create_meeting_at(
            actor=db.session.get(User, moderator.id), title="Nachteulen-Treffen",
            place=Place(video_url="https://meet.example.org/alumni"), starts_at=starts_at,
            ends_at=ends_at, now=utcnow(), notify=False).id
        db.session.commit()
    auth.login(moderator)
    page = client.get(f"/treffen/{meeting_id}/bearbeiten").get_data(as_text=True)
    assert f'value="{shown[0]}"' in page and f'value="{shown[1]}"' in page
    client.post(f"/treffen/{meeting_id}/bearbeiten", data={
        "title": "Nachteulen-Treffen (neuer Titel)", "day": autumn.isoformat(),
        "start_time": shown[0], "end_time": shown[1], "format": "online",
        "video_url": "https://meet.example.org/alumni", "venue": "", "address": "",
        "capacity": "", "description": ""})
    with app.app_context():
        stored = db.session.get(Meeting, meeting_id)
        assert stored.title == "Nachteulen-Treffen (neuer Titel)"
        assert (stored.starts_at, stored.ends_at) == (starts_at, ends_at)
