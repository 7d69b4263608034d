"""Moderators' scheduling is written to the audit log and reads well on the log page."""
from datetime import date, timedelta

from sqlalchemy import select

from alumni_hub.core.audit import AuditLogEntry
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting, MeetingSeries
from alumni_hub.meetings.recurrence import to_berlin
from alumni_hub.notifications.models import Notification


def _meeting_form(day: date, **changes):
    data = {"title": "Präsenztreffen", "day": day.isoformat(), "start_time": "15:00",
            "end_time": "18:00", "format": "in_person", "video_url": "",
            "venue": "Körber-Forum", "address": "", "capacity": "20", "description": ""}
    data.update(changes)
    return data


def _series_form(**changes):
    data = {"title": "Alumni-Treffen", "interval_months": "2", "day_rule": "weekday",
            "week_of_month": "2", "weekday": "1", "day_of_month": "1", "start_time": "19:00",
            "duration_minutes": "90", "first_day": date.today().isoformat(),
            "format": "online", "video_url": "https://meet.example.org/alumni", "venue": "",
            "address": "", "capacity": "", "description": "", "apply_to": "all"}
    data.update(changes)
    return data


def _entries(app):
    with app.app_context():
        return [(e.action, e.target_type, e.target_id, e.actor_id) for e in db.session.scalars(
            select(AuditLogEntry).order_by(AuditLogEntry.id))]


def test_scheduling_editing_and_cancelling_a_meeting_is_logged_readably(app, client, auth,
                                                                       make_user):
    moderator = auth.login(make_user(role="moderator", display_name="Mona Moderatorin"))
    day = (to_berlin(utcnow()) + timedelta(days=10)).date()
    client.post("/treffen/neu", data=_meeting_form(day))
    with app.app_context():
        meeting_id = db.session.scalar(select(Meeting.id))
    client.post(f"/treffen/{meeting_id}/bearbeiten",
                data=_meeting_form(day, start_time="16:00", venue="Handelskammer"))
    client.post(f"/treffen/{meeting_id}/absagen")
    assert _entries(app) == [
        ("meeting.created", "meeting", meeting_id, moderator.id),
        ("meeting.edited", "meeting", meeting_id, moderator.id),
        ("meeting.cancelled", "meeting", meeting_id, moderator.id)]
    page = client.get("/moderation/protokoll").get_data(as_text=True)
    when = day.strftime("%d.%m.%Y")
    for text in ("Treffen angelegt", "Treffen geändert", "Treffen abgesagt",
                 f"Treffen #{meeting_id}", "Mona Moderatorin", "Titel: Präsenztreffen",
                 f"Beginn: {when} 15:00 → {when} 16:00", "Ort: Körber-Forum → Handelskammer"):
        assert text in page
    # Only what changed is listed for the edit, and no raw keys show.
    assert "Titel: Präsenztreffen → Präsenztreffen" not in page
    for raw in ("meeting.edited", "starts", "venue", "{"):
        assert raw not in page


def test_series_created_and_edited_are_logged_with_what_changed(app, client, auth):
    auth.login(role="moderator")
    client.post("/treffen/reihe/neu", data=_series_form())
    with app.app_context():
        series_id = db.session.scalar(select(MeetingSeries.id))
    client.post(f"/treffen/reihe/{series_id}/bearbeiten", data=_series_form(start_time="18:30"))
    assert [e[:3] for e in _entries(app)] == [
        ("meeting_series.created", "meeting_series", series_id),
        ("meeting_series.edited", "meeting_series", series_id)]
    page = client.get("/moderation/protokoll").get_data(as_text=True)
    for text in ("Terminreihe angelegt", "Terminreihe geändert", f"Terminreihe #{series_id}",
                 "Uhrzeit: 19:00 → 18:30", "Für alle künftigen Treffen: ja",
                 "Geänderte Treffen: "):
        assert text in page


def test_deciding_a_poll_and_publishing_a_recap_are_logged(app, client, auth, make_poll,
                                                           make_meeting):
    poll = make_poll()
    auth.login(role="moderator")
    client.post(f"/treffen/abstimmungen/{poll.id}/festlegen",
                data={"option_id": poll.options[0].id})
    meeting = make_meeting(days=-2)
    client.post(f"/treffen/{meeting.id}/protokoll", data={"attendees": "Jana",
                                                          "body": "Gut war's."})
    client.post(f"/treffen/{meeting.id}/protokoll/veroeffentlichen", data={"category_id": 0})
    actions = [e[:2] for e in _entries(app)]
    assert ("date_poll.decided", "date_poll") in actions
    assert ("meeting.recap_published", "meeting") in actions
    page = client.get("/moderation/protokoll").get_data(as_text=True)
    for text in ("Terminabstimmung entschieden", f"Terminabstimmung #{poll.id}",
                 "Titel: Präsenztreffen vor dem MINT:Barcamp",
                 "Protokoll eines Treffens veröffentlicht"):
        assert text in page


def test_members_answers_and_topics_are_not_moderation_and_not_logged(
        app, client, auth, make_meeting, make_agenda_topic):
    meeting = make_meeting()
    entries_before = _entries(app)
    member = auth.login()
    client.post(f"/treffen/{meeting.id}/antwort", data={"answer": "yes"})
    make_agenda_topic(meeting, member)
    assert _entries(app) == entries_before


def test_correcting_a_past_meeting_is_logged_but_tells_no_attendee_it_changed(
        app, client, auth, make_user, make_meeting):
    member = make_user(display_name="Jana Dabei")
    past = make_meeting(days=-3, title="Alumni-Treffen", attendees=[member])
    coming = make_meeting(days=5, title="Nächstes Treffen", attendees=[member])
    moderator = auth.login(role="moderator")
    for meeting, title in ((past, "Alumni-Treffen im März"), (coming, "Nächstes Treffen!")):
        start, end = to_berlin(meeting.starts_at), to_berlin(meeting.ends_at)
        response = client.post(f"/treffen/{meeting.id}/bearbeiten", data=_meeting_form(
            start.date(), title=title, start_time=start.strftime("%H:%M"),
            end_time=end.strftime("%H:%M"), format="online",
            video_url="https://meet.example.org/alumni", venue="", capacity=""),
            follow_redirects=True)
        told = "wer zugesagt hat, wird informiert" in response.get_data(as_text=True)
        assert told == (meeting is coming)
    with app.app_context():
        changed = db.session.scalars(select(Notification.url).where(
            Notification.user_id == member.id, Notification.kind == "meeting_changed")).all()
        assert changed == [f"/treffen/{coming.id}"]
        assert db.session.get(Meeting, past.id).title == "Alumni-Treffen im März"
    assert ("meeting.edited", "meeting", past.id, moderator.id) in _entries(app)


def test_saving_a_meeting_unchanged_tells_nobody_and_keeps_its_calendar_version(
        app, client, auth, make_user, make_meeting):
    member = make_user(display_name="Jana Dabei")
    meeting = make_meeting(days=5, title="Nächstes Treffen", attendees=[member])
    auth.login(role="moderator")
    entries_before = _entries(app)
    start, end = to_berlin(meeting.starts_at), to_berlin(meeting.ends_at)
    response = client.post(f"/treffen/{meeting.id}/bearbeiten", data=_meeting_form(
        start.date(), title="Nächstes Treffen", start_time=start.strftime("%H:%M"),
        end_time=end.strftime("%H:%M"), format="online",
        video_url="https://meet.example.org/alumni", venue="", capacity=""),
        follow_redirects=True)
    assert "Es hat sich nichts geändert; niemand wird informiert." in response.get_data(
        as_text=True)
    with app.app_context():
        stored = db.session.get(Meeting, meeting.id)
        assert (stored.sequence, stored.detached) == (meeting.sequence, meeting.detached)
        assert db.session.scalars(select(Notification.id).where(
            Notification.user_id == member.id, Notification.kind == "meeting_changed")).all() == []
    assert _entries(app) == entries_before
