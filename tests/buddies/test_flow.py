"""A newcomer requests, sees suggestions with reasons, asks; the buddy accepts or declines."""
from sqlalchemy import select

from alumni_hub.buddies.models import BuddyAsk, BuddyExclusion, BuddyOffer, BuddyPair
from alumni_hub.extensions import db
from alumni_hub.notifications.models import Notification


def test_request_form_is_prefilled_from_the_profile(client, auth, make_user, buddy_topic_ids):
    buddy_topic_ids("Öffentlichkeitsarbeit")
    me = make_user(bundesland="HB", network_type="zdi")
    auth.login(me)
    html = client.get("/buddys/anfrage").get_data(as_text=True)
    assert '<option selected value="HB">' in html and '<option selected value="zdi">' in html


def test_newcomer_sees_suggestions_with_reasons_and_asks_one(client, auth, make_buddy_offer,
                                                            make_buddy_request, buddies_db):
    buddy = make_buddy_offer(display_name="Bea Buddy", topics=["Öffentlichkeitsarbeit",
                                                                "Fördermittel"], bundesland="HB")
    newcomer = make_buddy_request(topics=["Öffentlichkeitsarbeit", "Fördermittel"], bundesland="NI")
    auth.login(newcomer)
    html = client.get("/buddys/").get_data(as_text=True)
    assert "Bea Buddy" in html
    assert "2 gemeinsame Themen: Fördermittel, Öffentlichkeitsarbeit" in html
    assert "Nachbarland Bremen" in html
    response = client.post(f"/buddys/fragen/{buddy.id}", data={"message": "Hallo Bea!"})
    assert response.status_code == 302
    page = client.get("/buddys/").get_data(as_text=True)
    assert "wartest auf eine Antwort" in page
    ask = buddies_db(lambda: db.session.scalar(select(BuddyAsk)))
    assert (ask.buddy_id, ask.message, ask.status) == (buddy.id, "Hallo Bea!", "pending")
    kinds = buddies_db(lambda: db.session.scalars(select(Notification.kind).where(
        Notification.user_id == buddy.id)).all())
    assert kinds == ["buddy_request"]


def test_buddy_accepts_and_both_see_the_pair_space(app, client, auth, make_buddy_offer,
                                                   make_buddy_request, buddies_db):
    buddy = make_buddy_offer()
    newcomer = make_buddy_request()
    auth.login(newcomer)
    client.post(f"/buddys/fragen/{buddy.id}", data={"message": "Hallo"})
    auth.logout()
    auth.login(buddy)
    page = client.get("/buddys/").get_data(as_text=True)
    assert "Anfragen an dich" in page and "Nele Neu" in page
    ask_id = buddies_db(lambda: db.session.scalar(select(BuddyAsk.id)))
    response = client.post(f"/buddys/anfragen/{ask_id}/antworten",
                           data={"answer": "Gern!", "accept": "1"})
    assert "/buddys/paar/" in response.location
    assert "Du und Nele Neu" in client.get(response.location).get_data(as_text=True)
    auth.logout()
    auth.login(newcomer)
    assert "Du und Bea Buddy" in client.get(response.location).get_data(as_text=True)
    assert buddies_db(lambda: db.session.scalar(select(BuddyOffer.active_count))) == 1


def test_accepting_twice_says_it_is_already_answered(client, auth, make_buddy_offer,
                                                     make_buddy_request, buddies_db):
    buddy = make_buddy_offer(capacity=2)
    newcomer = make_buddy_request()
    auth.login(newcomer)
    client.post(f"/buddys/fragen/{buddy.id}")
    auth.logout()
    auth.login(buddy)
    ask_id = buddies_db(lambda: db.session.scalar(select(BuddyAsk.id)))
    client.post(f"/buddys/anfragen/{ask_id}/antworten", data={"accept": "1"})
    again = client.post(f"/buddys/anfragen/{ask_id}/antworten",
                        data={"accept": "1", "answer": "Nochmal"})
    html = again.get_data(as_text=True)
    assert "schon beantwortet" in html and "Nochmal" in html
    assert buddies_db(lambda: len(db.session.scalars(select(BuddyPair)).all())) == 1


def test_declining_excludes_the_pair_from_later_suggestions(client, auth, make_buddy_offer,
                                                            make_buddy_request, buddies_db):
    buddy = make_buddy_offer()
    newcomer = make_buddy_request()
    auth.login(newcomer)
    client.post(f"/buddys/fragen/{buddy.id}")
    auth.logout()
    auth.login(buddy)
    ask_id = buddies_db(lambda: db.session.scalar(select(BuddyAsk.id)))
    client.post(f"/buddys/anfragen/{ask_id}/antworten",
                data={"decline": "1", "answer": "Gerade zu voll"})
    stored = buddies_db(lambda: db.session.scalar(select(BuddyExclusion)))
    assert (stored.buddy_id, stored.newcomer_id, stored.reason) == (buddy.id, newcomer.id,
                                                                    "declined")
    auth.logout()
    auth.login(newcomer)
    html = client.get("/buddys/").get_data(as_text=True)
    assert "Bea Buddy als Buddy anfragen" not in html
    assert "Gerade passt niemand" in html


def test_reasons_read_in_english_for_english_readers(client, auth, make_buddy_offer,
                                                     make_buddy_request, make_user):
    make_buddy_offer(topics=["Öffentlichkeitsarbeit"], bundesland="NI")
    reader = make_user(locale="en", display_name="Erin English")
    make_buddy_request(user=reader, topics=["Öffentlichkeitsarbeit"], bundesland="NI")
    auth.login(reader)
    html = client.get("/buddys/").get_data(as_text=True)
    assert "1 shared topic: Öffentlichkeitsarbeit; both in Niedersachsen" in html
    assert "How the buddy programme works" in html


def test_newcomer_waits_for_one_answer_before_asking_another_buddy(
        client, auth, make_buddy_offer, make_buddy_request, buddies_db):
    first = make_buddy_offer(display_name="Bea Buddy")
    second = make_buddy_offer(display_name="Carl Coach")
    newcomer = make_buddy_request()
    auth.login(newcomer)
    client.post(f"/buddys/fragen/{first.id}")
    html = client.post(f"/buddys/fragen/{second.id}",
                       data={"message": "Und du?"}).get_data(as_text=True)
    assert "Du wartest noch auf eine Antwort von Bea Buddy." in html and "Und du?" in html
    assert buddies_db(lambda: db.session.scalar(select(BuddyAsk.buddy_id).where(
        BuddyAsk.status == "pending"))) == first.id


def test_withdrawing_the_request_cancels_the_pending_ask(client, auth, make_buddy_offer,
                                                         make_buddy_request, buddies_db):
    buddy = make_buddy_offer()
    newcomer = make_buddy_request()
    auth.login(newcomer)
    client.post(f"/buddys/fragen/{buddy.id}")
    response = client.post("/buddys/anfrage/zurueckziehen", follow_redirects=True)
    assert "Deine Buddy-Anfrage ist zurückgezogen." in response.get_data(as_text=True)
    assert buddies_db(lambda: db.session.scalar(select(BuddyAsk.status))) == "cancelled"
    again = client.post("/buddys/anfrage/zurueckziehen", follow_redirects=True)
    assert "Du hast keine offene Buddy-Anfrage." in again.get_data(as_text=True)


def test_answering_an_ask_whose_request_was_withdrawn_says_so_and_keeps_the_answer(
        client, auth, make_buddy_offer, make_buddy_request, buddies_db):
    buddy = make_buddy_offer()
    newcomer = make_buddy_request()
    auth.login(newcomer)
    client.post(f"/buddys/fragen/{buddy.id}")
    client.post("/buddys/anfrage/zurueckziehen")
    auth.logout()
    auth.login(buddy)
    ask_id = buddies_db(lambda: db.session.scalar(select(BuddyAsk.id)))
    html = client.post(f"/buddys/anfragen/{ask_id}/antworten",
                       data={"accept": "1", "answer": "Gern!"}).get_data(as_text=True)
    assert "Diese Anfrage ist schon beantwortet, abgelaufen oder zurückgezogen." in html
    assert "Gern!" in html
    assert buddies_db(lambda: db.session.scalar(select(BuddyPair.id))) is None
