"""Check-ins (30 days, after meetings), flags for moderators, expiry of asks, card and digest."""
from datetime import timedelta

from sqlalchemy import select, update

from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import BuddyAsk, BuddyPair, CheckIn
from alumni_hub.core import signals
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications import sections
from alumni_hub.notifications.models import Notification


def _set(app, stmt):
    with app.app_context():
        db.session.execute(stmt)
        db.session.commit()


def _checkin_kinds(buddies_db):
    return buddies_db(lambda: sorted(db.session.execute(
        select(CheckIn.user_id, CheckIn.occasion)).all()))


def test_first_checkin_after_30_days_asks_both_once(app, runner, make_buddy_pair, buddies_db):
    pair = make_buddy_pair()
    assert "0 Check-in-Fragen verschickt." in runner.invoke(args=["send-buddy-checkins"]).output
    _set(app, update(BuddyPair).values(started_at=utcnow() - timedelta(days=31)))
    assert "2 Check-in-Fragen verschickt." in runner.invoke(args=["send-buddy-checkins"]).output
    assert "0 Check-in-Fragen verschickt." in runner.invoke(args=["send-buddy-checkins"]).output
    assert _checkin_kinds(buddies_db) == sorted([(pair.buddy.id, "30d"), (pair.newcomer.id, "30d")])
    kinds = buddies_db(lambda: db.session.scalars(select(Notification.kind)).all())
    assert kinds.count("buddy_checkin") == 2


def test_meeting_ended_signal_asks_every_active_pair_once(app, make_buddy_pair, buddies_db):
    pair = make_buddy_pair()
    with app.app_context():
        for _twice in range(2):
            signals.meeting_ended.send(app, meeting_id=7, series_id=None, attendee_ids=[])
        db.session.commit()
    assert _checkin_kinds(buddies_db) == sorted([(pair.buddy.id, "meeting:7"),
                                                 (pair.newcomer.id, "meeting:7")])


def test_help_answer_flags_the_pair_to_moderators(app, client, auth, make_buddy_pair,
                                                  make_user, buddies_db):
    pair = make_buddy_pair()
    with app.app_context():
        signals.meeting_ended.send(app, meeting_id=3, series_id=1, attendee_ids=[])
        db.session.commit()
    auth.login(pair.newcomer)
    page = client.get(f"/buddys/paar/{pair.id}").get_data(as_text=True)
    assert "Wie läuft es bei euch?" in page
    checkin_id = buddies_db(lambda: db.session.scalar(select(CheckIn.id).where(
        CheckIn.user_id == pair.newcomer.id)))
    client.post(f"/buddys/paar/{pair.id}/check-in/{checkin_id}", data={"answer": "help"})
    assert buddies_db(lambda: db.session.get(CheckIn, checkin_id).answer) == "help"
    auth.logout()
    auth.login(make_user(role="moderator"))
    html = client.get("/buddys/moderation").get_data(as_text=True)
    assert "Paare, die einen Blick brauchen" in html and "braucht Hilfe" in html


def test_invalid_checkin_answer_gets_a_german_message(app, client, auth, make_buddy_pair,
                                                      buddies_db):
    pair = make_buddy_pair()
    with app.app_context():
        signals.meeting_ended.send(app, meeting_id=3, series_id=1, attendee_ids=[])
        db.session.commit()
    auth.login(pair.newcomer)
    checkin_id = buddies_db(lambda: db.session.scalar(select(CheckIn.id).where(
        CheckIn.user_id == pair.newcomer.id)))
    html = client.post(f"/buddys/paar/{pair.id}/check-in/{checkin_id}",
                       data={"answer": "super"}).get_data(as_text=True)
    assert "Bitte wähle eine der drei Antworten." in html
    assert buddies_db(lambda: db.session.get(CheckIn, checkin_id).answer) is None


def test_pair_inactive_for_60_days_is_flagged_in_the_moderator_digest(app, make_buddy_pair,
                                                                      make_user):
    make_buddy_pair()
    moderator, member = make_user(role="moderator"), make_user()
    _set(app, update(BuddyPair).values(last_activity_at=utcnow() - timedelta(days=61)))
    with app.app_context():
        since = utcnow() - timedelta(days=1)
        found = dict(sections.collect(db.session.get(User, moderator.id), since=since))
        nothing = dict(sections.collect(db.session.get(User, member.id), since=since))
    titles = [item.title for item in found["Buddy-Programm"]]
    assert "Buddy-Paar Bea Buddy & Nele Neu braucht einen Blick" in titles
    assert "Buddy-Programm" not in nothing


def test_expiry_closes_week_old_asks_once_and_tells_the_newcomer(
        app, runner, client, auth, make_buddy_offer, make_buddy_request, buddies_db):
    buddy = make_buddy_offer()
    make_buddy_offer(display_name="Carl Coach", user=None)
    newcomer = make_buddy_request()
    auth.login(newcomer)
    client.post(f"/buddys/fragen/{buddy.id}")
    assert "0 Buddy-Anfragen abgelaufen." in runner.invoke(args=["expire-buddy-requests"]).output
    _set(app, update(BuddyAsk).values(created_at=utcnow() - timedelta(days=8)))
    assert "1 Buddy-Anfrage abgelaufen." in runner.invoke(args=["expire-buddy-requests"]).output
    assert "0 Buddy-Anfragen abgelaufen." in runner.invoke(args=["expire-buddy-requests"]).output
    told = buddies_db(lambda: db.session.scalars(select(Notification.kind).where(
        Notification.user_id == newcomer.id)).all())
    assert told == ["buddy_expired"]
    html = client.get("/buddys/").get_data(as_text=True)
    assert "Carl Coach als Buddy anfragen" in html
    assert "Bea Buddy als Buddy anfragen" not in html


def test_start_page_card_shows_the_buddy_or_the_open_request(client, auth, make_buddy_pair,
                                                             make_buddy_request):
    pair = make_buddy_pair()
    auth.login(pair.newcomer)
    assert "Dein Buddy: Bea Buddy" in client.get("/").get_data(as_text=True)
    auth.logout()
    waiting = make_buddy_request(display_name="Wanda Wartet")
    auth.login(waiting)
    assert "Offene Buddy-Anfrage" in client.get("/").get_data(as_text=True)


def test_moderator_digest_counts_one_open_request_in_the_singular(app, make_buddy_request,
                                                                  make_user):
    make_buddy_request()
    moderator = make_user(role="moderator")
    with app.app_context():
        found = dict(sections.collect(db.session.get(User, moderator.id),
                                      since=utcnow() - timedelta(days=1)))
    assert [item.title for item in found["Buddy-Programm"]] == ["1 offene Buddy-Anfrage"]
