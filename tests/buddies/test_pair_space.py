"""The pair's private space: only the two see it; checklist, contacts, panels, ending."""
from datetime import timedelta

from jinja2 import ChoiceLoader, DictLoader
from sqlalchemy import select

from alumni_hub.buddies.models import BuddyExclusion, BuddyOffer, BuddyPair, CheckIn, PairGoal
from alumni_hub.buddies.panels import register_pair_panel, unregister_pair_panel
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db


def test_nobody_but_the_two_sees_the_pair_space(client, auth, make_buddy_pair, make_user):
    pair = make_buddy_pair()
    for outsider in (make_user(), make_user(role="moderator"), make_user(role="admin")):
        auth.login(outsider)
        response = client.get(f"/buddys/paar/{pair.id}")
        assert response.status_code == 403 and "Kein Zugriff" in response.get_data(as_text=True)
        refused = client.post(f"/buddys/paar/{pair.id}/ziele", data={"text": "Eingeschmuggelt"})
        assert refused.status_code == 403
        auth.logout()
    for member in (pair.buddy, pair.newcomer):
        auth.login(member)
        assert "Unsere Ziele" in client.get(f"/buddys/paar/{pair.id}").get_data(as_text=True)
        auth.logout()


def test_goals_are_added_and_ticked_by_either_member(client, auth, make_buddy_pair, buddies_db):
    pair = make_buddy_pair()
    auth.login(pair.newcomer)
    client.post(f"/buddys/paar/{pair.id}/ziele", data={"text": "Pressemitteilung schreiben"})
    auth.logout()
    auth.login(pair.buddy)
    goal_id = buddies_db(lambda: db.session.scalar(select(PairGoal.id)))
    client.post(f"/buddys/paar/{pair.id}/ziele/{goal_id}")
    html = client.get(f"/buddys/paar/{pair.id}").get_data(as_text=True)
    assert "<s>Pressemitteilung schreiben</s>" in html


def test_empty_goal_gets_a_german_message(client, auth, make_buddy_pair):
    pair = make_buddy_pair()
    auth.login(pair.newcomer)
    html = client.post(f"/buddys/paar/{pair.id}/ziele", data={"text": "  "}).get_data(as_text=True)
    assert "Bitte schreib ein Ziel auf." in html


def test_shared_contact_is_shown_to_the_partner_only(client, auth, make_buddy_pair):
    pair = make_buddy_pair()
    auth.login(pair.buddy)
    client.post(f"/buddys/paar/{pair.id}/kontakt", data={"details": "Tel. 0441 123456"})
    auth.logout()
    auth.login(pair.newcomer)
    html = client.get(f"/buddys/paar/{pair.id}").get_data(as_text=True)
    assert "Kontakt von Bea Buddy" in html and "Tel. 0441 123456" in html


def test_registered_panels_appear_on_the_pair_page(client, auth, make_buddy_pair, app):
    pair = make_buddy_pair()
    seen = []
    original = app.jinja_env.loader
    app.jinja_env.loader = ChoiceLoader([DictLoader({
        "test/_panel.html": "<section class=room>Raum {{ panel.room }}</section>"}), original])
    register_pair_panel("test.panel", template="test/_panel.html",
                        load=lambda p, user: seen.append((p.id, user.id)) or {"room": "B-7"})
    try:
        auth.login(pair.newcomer)
        html = client.get(f"/buddys/paar/{pair.id}").get_data(as_text=True)
    finally:
        unregister_pair_panel("test.panel")
        app.jinja_env.loader = original
    assert "<section class=room>Raum B-7</section>" in html
    assert seen == [(pair.id, pair.newcomer.id)]


def test_ending_with_a_bad_rating_frees_capacity_and_excludes_the_pair(
        client, auth, make_buddy_pair, buddies_db):
    pair = make_buddy_pair()
    auth.login(pair.newcomer)
    response = client.post(f"/buddys/paar/{pair.id}/beenden",
                           data={"rating": "1", "comment": "Passte nicht"})
    assert response.status_code == 302
    stored = buddies_db(lambda: db.session.get(BuddyPair, pair.id))
    assert (stored.status, stored.rating, stored.comment, stored.ended_by_id) == (
        "ended", 1, "Passte nicht", pair.newcomer.id)
    assert buddies_db(lambda: db.session.scalar(select(BuddyOffer.active_count))) == 0
    assert buddies_db(lambda: db.session.scalar(select(BuddyExclusion.reason))) == "ended_badly"
    again = client.post(f"/buddys/paar/{pair.id}/beenden", data={"rating": "5"})
    assert "schon beendet" in again.get_data(as_text=True)
    assert buddies_db(lambda: db.session.scalar(select(BuddyOffer.active_count))) == 0


def test_the_end_page_of_an_ended_pair_says_so_instead_of_showing_the_form(
        client, auth, make_buddy_pair, buddies_db):
    pair = make_buddy_pair()
    auth.login(pair.buddy)
    client.post(f"/buddys/paar/{pair.id}/beenden", data={"rating": "4"})
    auth.logout()
    auth.login(pair.newcomer)
    html = client.get(f"/buddys/paar/{pair.id}/beenden").get_data(as_text=True)
    assert "Diese Begleitung ist beendet." in html and "Beendet am" in html
    assert 'name="rating"' not in html and 'name="comment"' not in html
    late = client.post(f"/buddys/paar/{pair.id}/beenden", data={"rating": "1"})
    assert late.status_code == 200
    assert "Diese Begleitung ist schon beendet." in late.get_data(as_text=True)
    assert 'name="rating"' not in late.get_data(as_text=True)
    stored = buddies_db(lambda: db.session.get(BuddyPair, pair.id))
    assert (stored.rating, stored.ended_by_id) == (4, pair.buddy.id)


def test_rating_out_of_range_gets_a_german_message(client, auth, make_buddy_pair):
    pair = make_buddy_pair()
    auth.login(pair.newcomer)
    html = client.post(f"/buddys/paar/{pair.id}/beenden",
                       data={"rating": "9", "comment": "Mein Kommentar"}).get_data(as_text=True)
    assert "Bitte wähle eine Bewertung von 1 bis 5." in html and "Mein Kommentar" in html


def test_moderators_see_pair_status_and_feedback_but_not_goals(client, auth, make_buddy_pair,
                                                               make_user):
    pair = make_buddy_pair()
    auth.login(pair.newcomer)
    client.post(f"/buddys/paar/{pair.id}/ziele", data={"text": "Geheimes Ziel"})
    client.post(f"/buddys/paar/{pair.id}/beenden",
                data={"rating": "4", "comment": "Sehr hilfreich"})
    auth.logout()
    auth.login(make_user(role="moderator"))
    html = client.get("/buddys/moderation").get_data(as_text=True)
    assert "Bea Buddy" in html and "Nele Neu" in html and "beendet am" in html
    assert "4 von 5" in html and "Sehr hilfreich" in html
    assert "Geheimes Ziel" not in html


def test_a_chat_message_in_the_pair_room_counts_as_pair_activity(app, make_buddy_pair,
                                                                  chat_socket):
    pair = make_buddy_pair()
    with app.app_context():
        stored = db.session.get(BuddyPair, pair.id)
        stored.last_activity_at = utcnow() - timedelta(days=59)
        db.session.commit()
    chat = chat_socket(pair.newcomer)
    chat.join("pair", pair.id)
    assert chat.send("Wie lief dein Termin?")["ok"]
    with app.app_context():
        active_at = db.session.get(BuddyPair, pair.id).last_activity_at
    assert utcnow() - active_at < timedelta(minutes=1)


def test_a_double_submitted_goal_is_listed_once(client, auth, make_buddy_pair, buddies_db):
    pair = make_buddy_pair()
    auth.login(pair.newcomer)
    for _click in range(2):
        response = client.post(f"/buddys/paar/{pair.id}/ziele", data={"text": "Presse anrufen"})
        assert response.status_code == 302
    assert buddies_db(lambda: db.session.scalars(select(PairGoal.text)).all()) == [
        "Presse anrufen"]


def test_ticking_a_goal_twice_leaves_it_ticked(client, auth, make_buddy_pair, buddies_db):
    """A double click, or both members ticking from their open pages, must not untick it."""
    pair = make_buddy_pair()
    auth.login(pair.newcomer)
    client.post(f"/buddys/paar/{pair.id}/ziele", data={"text": "Presse anrufen"})
    page = client.get(f"/buddys/paar/{pair.id}").get_data(as_text=True)
    goal_id = buddies_db(lambda: db.session.scalar(select(PairGoal.id)))
    assert f'/ziele/{goal_id}"' in page and 'name="done" value="1"' in page
    for _click in range(2):
        client.post(f"/buddys/paar/{pair.id}/ziele/{goal_id}", data={"done": "1"})
    assert buddies_db(lambda: db.session.get(PairGoal, goal_id).done) is True
    html = client.get(f"/buddys/paar/{pair.id}").get_data(as_text=True)
    assert "<s>Presse anrufen</s>" in html and 'name="done" value="0"' in html


def test_a_checkin_of_an_ended_pair_cannot_be_answered(app, client, auth, make_buddy_pair,
                                                       buddies_db):
    pair = make_buddy_pair()
    with app.app_context():
        checkin = CheckIn(pair_id=pair.id, user_id=pair.newcomer.id, occasion="30d")
        db.session.add(checkin)
        db.session.commit()
        checkin_id = checkin.id
    auth.login(pair.newcomer)
    client.post(f"/buddys/paar/{pair.id}/beenden", data={"rating": "4"})
    response = client.post(f"/buddys/paar/{pair.id}/check-in/{checkin_id}",
                           data={"answer": "help"})
    assert response.status_code == 200
    assert "Diese Begleitung ist beendet." in response.get_data(as_text=True)
    stored = buddies_db(lambda: (db.session.get(CheckIn, checkin_id).answer,
                                 db.session.get(BuddyPair, pair.id).needs_help))
    assert stored == (None, False)
