"""Date polls decided into meetings; recaps published, discussed in the forum, sent to the wiki."""
from datetime import timedelta

from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.boards.services import categories
from alumni_hub.boards.models import Thread
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import DatePoll, Meeting
from alumni_hub.meetings.recurrence import to_berlin
from alumni_hub.meetings.services import append_to_recap_draft
from alumni_hub.notifications.models import Notification
from tests.meetings.builders import start_meeting


def _kinds(app, user):
    with app.app_context():
        return db.session.scalars(select(Notification.kind).where(
            Notification.user_id == user.id)).all()


def test_poll_table_shows_totals_and_deciding_makes_a_meeting_and_tells_answerers(
        app, client, auth, make_poll, make_user):
    poll = make_poll(capacity=2)
    answerer, bystander = make_user(display_name="Jana Ja"), make_user()
    auth.login(answerer)
    client.post(f"/treffen/abstimmungen/{poll.id}/antworten", data={
        f"option_{poll.options[0].id}": "yes", f"option_{poll.options[1].id}": "ifneedbe"})
    page = client.get(f"/treffen/abstimmungen/{poll.id}").get_data(as_text=True)
    assert "1 Ja, 0 wenn nötig" in page and "0 Ja, 1 wenn nötig" in page
    auth.logout()
    auth.login(role="moderator")
    page = client.post(f"/treffen/abstimmungen/{poll.id}/festlegen",
                       data={"option_id": poll.options[0].id},
                       follow_redirects=True).get_data(as_text=True)
    assert "Präsenztreffen vor dem MINT:Barcamp" in page
    with app.app_context():
        stored = db.session.get(DatePoll, poll.id)
        meeting = db.session.get(Meeting, stored.meeting_id)
        assert stored.closed_at is not None and meeting.capacity == 2
        assert meeting.starts_at == poll.options[0].starts_at
    assert _kinds(app, answerer) == ["meeting_scheduled"]
    assert _kinds(app, bystander) == []


def test_publishing_recap_notifies_attendees_opens_thread_and_offers_wiki_tips(
        app, client, auth, make_meeting, make_agenda_topic, make_user):
    attendee = make_user()
    meeting = make_meeting(days=3, attendees=[attendee])
    item = make_agenda_topic(meeting, attendee, title="Praktikumswoche")
    moderator = auth.login(role="moderator")
    with app.app_context():
        category_id = categories.create_category(
            actor=db.session.get(User, moderator.id), name="Treffen").id
        db.session.commit()
    client.post(f"/treffen/thema/{item.id}/verwalten", data={
        f"t{item.id}-status": "accepted", f"t{item.id}-position": "1",
        f"t{item.id}-presenter_id": "0"})
    start_meeting(app, meeting.id)
    client.post(f"/treffen/{meeting.id}/protokoll", data={
        "attendees": "Jana, Otto", "body": "Wir haben **viel** gelernt.",
        f"notes_{item.id}": "Fünf Betriebe an fünf Tagen funktioniert."})
    client.post(f"/treffen/{meeting.id}/protokoll/veroeffentlichen",
                data={"category_id": category_id})
    assert "recap_published" in _kinds(app, attendee)
    with app.app_context():
        thread = db.session.scalar(select(Thread))
        assert thread.title.startswith("Rückblick: Alumni-Treffen")
        assert db.session.get(Meeting, meeting.id).recap_thread_id == thread.id
    page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    assert "<strong>viel</strong>" in page and "Fünf Betriebe an fünf Tagen" in page
    promote = f"/wiki/uebernehmen/recap_item/{item.id}"
    assert promote in page
    tip = client.get(promote).get_data(as_text=True)
    assert "Fünf Betriebe an fünf Tagen funktioniert." in tip and "Praktikumswoche" in tip


def test_recap_item_of_unpublished_recap_is_not_a_tip_source(client, auth, make_meeting,
                                                            make_agenda_topic, make_user):
    meeting = make_meeting()
    item = make_agenda_topic(meeting, make_user())
    auth.login()
    assert client.get(f"/wiki/uebernehmen/recap_item/{item.id}").status_code == 404


def test_append_to_recap_draft_adds_rendered_text(app, make_meeting, make_user):
    meeting = make_meeting()
    moderator = make_user(role="moderator")
    with app.app_context():
        append_to_recap_draft(meeting_id=meeting.id, text="Aus dem Chat: *Danke!*",
                              actor=db.session.get(User, moderator.id))
        db.session.commit()
        stored = db.session.get(Meeting, meeting.id)
        assert "<em>Danke!</em>" in stored.recap_html and stored.recap_published_at is None


def test_poll_date_running_past_midnight_becomes_a_meeting_of_that_length(app, client, auth):
    auth.login(role="moderator")
    day = (to_berlin(utcnow()) + timedelta(days=10)).date()
    client.post("/treffen/abstimmungen/neu", data={
        "title": "Barcamp-Abend", "duration_minutes": "240", "format": "in_person",
        "venue": "Hamburg", "options": f"{day:%d.%m.%Y} 21:00\n"
                                       f"{day + timedelta(days=1):%d.%m.%Y} 21:00"})
    with app.app_context():
        poll = db.session.scalar(select(DatePoll))
        option = poll.options[0]
        option_id, option_start = option.id, option.starts_at
    page = client.post(f"/treffen/abstimmungen/{poll.id}/festlegen",
                       data={"option_id": option_id}, follow_redirects=True).get_data(as_text=True)
    assert "Der Termin steht" in page
    with app.app_context():
        meeting = db.session.scalar(select(Meeting))
        assert meeting.starts_at == option_start
        assert meeting.ends_at - meeting.starts_at == timedelta(hours=4)
