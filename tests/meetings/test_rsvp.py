"""Answers and the waiting list: never more confirmed than places, moving up is announced."""
import threading

from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting, Rsvp
from alumni_hub.meetings.services import rsvp
from alumni_hub.notifications.models import Notification


def _rows(app, meeting_id):
    with app.app_context():
        return {r.user_id: (r.answer, r.waitlist_position) for r in db.session.scalars(
            select(Rsvp).where(Rsvp.meeting_id == meeting_id))}


def test_full_room_puts_further_yes_on_waiting_list_in_order(app, client, auth, make_meeting,
                                                             make_rsvp, make_user):
    meeting = make_meeting(format="in_person", capacity=1)
    first, second, third = make_user(), make_user(), make_user()
    make_rsvp(meeting, first)
    make_rsvp(meeting, second)
    make_rsvp(meeting, third)
    assert _rows(app, meeting.id) == {first.id: ("yes", None), second.id: ("yes", 1),
                                      third.id: ("yes", 2)}
    auth.login(second)
    page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    assert "Warteliste, Platz 1" in page


def test_cancelling_a_place_moves_the_first_waiting_up_and_tells_them(app, make_meeting,
                                                                      make_rsvp, make_user):
    meeting = make_meeting(format="in_person", capacity=1)
    first, second, third = make_user(), make_user(), make_user()
    for person in (first, second, third):
        make_rsvp(meeting, person)
    make_rsvp(meeting, first, "no")
    rows = _rows(app, meeting.id)
    assert rows[second.id] == ("yes", None) and rows[third.id] == ("yes", 1)
    with app.app_context():
        kinds = db.session.scalars(select(Notification.kind).where(
            Notification.user_id == second.id)).all()
    assert kinds == ["meeting_waitlist"]


def test_two_yes_at_the_same_moment_never_exceed_the_capacity(app, make_meeting, make_user):
    meeting = make_meeting(format="in_person", capacity=1)
    people = [make_user() for _ in range(4)]
    barrier = threading.Barrier(len(people))
    errors = []

    def answer(user_id):
        with app.app_context():
            try:
                user = db.session.get(User, user_id)
                target = db.session.get(Meeting, meeting.id)
                barrier.wait()
                rsvp.answer(meeting=target, user=user, answer="yes", now=utcnow())
                db.session.commit()
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=answer, args=(p.id,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    rows = _rows(app, meeting.id)
    assert sum(1 for answer, position in rows.values() if position is None) == 1
    assert sorted(p for _, p in rows.values() if p is not None) == [1, 2, 3]


def test_answer_after_the_start_is_refused_with_a_message(app, client, auth, make_meeting):
    member = auth.login()
    meeting = make_meeting(days=-3)
    response = client.post(f"/treffen/{meeting.id}/antwort", data={"answer": "yes"},
                           follow_redirects=True)
    assert "Das Treffen hat schon begonnen" in response.get_data(as_text=True)
    assert member.id not in _rows(app, meeting.id)


def test_member_answers_and_changes_the_answer(app, client, auth, make_meeting):
    member = auth.login()
    meeting = make_meeting()
    page = client.post(f"/treffen/{meeting.id}/antwort", data={"answer": "yes"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Du hast zugesagt." in page
    client.post(f"/treffen/{meeting.id}/antwort", data={"answer": "no"})
    assert _rows(app, meeting.id)[member.id] == ("no", None)


def test_leaving_the_waiting_list_moves_the_others_forward(app, make_meeting, make_rsvp,
                                                         make_user):
    meeting = make_meeting(format="in_person", capacity=1)
    people = [make_user() for _ in range(4)]
    for person in people:
        make_rsvp(meeting, person)
    make_rsvp(meeting, people[1], "maybe")
    rows = _rows(app, meeting.id)
    assert rows[people[2].id] == ("yes", 1) and rows[people[3].id] == ("yes", 2)
