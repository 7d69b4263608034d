"""Bad input gets a clear German message by its field; the typed text stays; nothing is stored."""
import pytest
from sqlalchemy import select

from alumni_hub.buddies.models import BuddyAsk, BuddyOffer, BuddyRequest
from alumni_hub.extensions import db


@pytest.mark.parametrize("capacity", ["0", "20", "-1", "drei", ""])
def test_offer_capacity_outside_one_to_five_is_refused(client, auth, buddy_topic_ids, buddies_db,
                                                       capacity):
    [topic] = buddy_topic_ids("Öffentlichkeitsarbeit")
    auth.login()
    response = client.post("/buddys/angebot", data={"capacity": capacity, "topics": [topic],
                                                    "note": "Meine Notiz"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Bitte gib eine Zahl von 1 bis 5 an." in html and "Meine Notiz" in html
    assert buddies_db(lambda: db.session.scalar(select(BuddyOffer.id))) is None


def test_offer_without_topics_is_refused(client, auth, buddy_topic_ids, buddies_db):
    buddy_topic_ids("Öffentlichkeitsarbeit")
    auth.login()
    html = client.post("/buddys/angebot", data={"capacity": "2"}).get_data(as_text=True)
    assert "Bitte wähle mindestens ein Thema." in html
    assert buddies_db(lambda: db.session.scalar(select(BuddyOffer.id))) is None


def test_request_without_topics_is_refused_and_keeps_the_note(client, auth, buddy_topic_ids,
                                                              buddies_db):
    buddy_topic_ids("Öffentlichkeitsarbeit")
    auth.login()
    html = client.post("/buddys/anfrage", data={"bundesland": "NI", "region": "any",
                                               "note": "Ich starte im März"}).get_data(as_text=True)
    assert "Bitte wähle mindestens ein Thema." in html and "Ich starte im März" in html
    assert buddies_db(lambda: db.session.scalar(select(BuddyRequest.id))) is None


@pytest.mark.parametrize(("data", "message"), [
    ({"bundesland": "XX"}, "Bitte wähle ein Bundesland aus der Liste."),
    ({"network_type": "geheim"}, "Bitte wähle eine Netzwerkart aus der Liste."),
    ({"region": "mond"}, "Bitte wähle eine der Möglichkeiten."),
    ({"region": "near", "bundesland": ""}, "brauchen wir dein Bundesland"),
])
def test_request_with_unknown_choices_is_refused(client, auth, buddy_topic_ids, data, message):
    [topic] = buddy_topic_ids("Öffentlichkeitsarbeit")
    auth.login()
    form = {"topics": [topic], "bundesland": "NI", "region": "any", **data}
    assert message in client.post("/buddys/anfrage", data=form).get_data(as_text=True)


def test_second_request_edits_the_open_one(client, auth, buddy_topic_ids, buddies_db):
    first, second = buddy_topic_ids("Öffentlichkeitsarbeit", "Fördermittel")
    auth.login()
    for topic in (first, second):
        client.post("/buddys/anfrage", data={"topics": [topic], "region": "any"})
    assert buddies_db(lambda: len(db.session.scalars(select(BuddyRequest)).all())) == 1


@pytest.mark.parametrize(("offer", "message"), [
    ({"paused": True}, "macht als Buddy gerade eine Pause"),
    ({"capacity": 1, "full": True}, "hat gerade keinen freien Platz"),
])
def test_asking_a_paused_or_full_buddy_is_refused_and_keeps_the_message(
        client, auth, make_buddy_offer, make_buddy_request, make_buddy_pair, buddies_db, offer,
        message):
    buddy = make_buddy_offer(paused=offer.get("paused", False), capacity=offer.get("capacity", 1))
    if offer.get("full"):
        make_buddy_pair(buddy=buddy, newcomer_name="Schon dabei")
    newcomer = make_buddy_request(display_name="Frida Frage")
    auth.login(newcomer)
    response = client.post(f"/buddys/fragen/{buddy.id}", data={"message": "Liebe Bea, …"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in html and "Liebe Bea, …" in html
    assert buddies_db(lambda: db.session.scalar(select(BuddyAsk.id))) is None


def test_asking_without_a_request_says_to_make_one_first(client, auth, make_buddy_offer):
    buddy = make_buddy_offer()
    auth.login()
    html = client.post(f"/buddys/fragen/{buddy.id}").get_data(as_text=True)
    assert "Bitte stelle zuerst eine Buddy-Anfrage." in html


def test_member_cannot_answer_an_ask_addressed_to_someone_else(
        client, auth, make_buddy_offer, make_buddy_request, make_user, buddies_db):
    buddy = make_buddy_offer()
    newcomer = make_buddy_request()
    auth.login(newcomer)
    client.post(f"/buddys/fragen/{buddy.id}")
    auth.logout()
    auth.login(make_user())
    ask_id = buddies_db(lambda: db.session.scalar(select(BuddyAsk.id)))
    response = client.post(f"/buddys/anfragen/{ask_id}/antworten", data={"accept": "1"})
    assert response.status_code == 403 and "Kein Zugriff" in response.get_data(as_text=True)
    assert buddies_db(lambda: db.session.get(BuddyAsk, ask_id).status) == "pending"


def test_capacity_below_current_pairs_is_refused(client, auth, make_buddy_pair, buddy_topic_ids):
    pair = make_buddy_pair(capacity=2)
    make_buddy_pair(buddy=pair.buddy, newcomer_name="Zweite")
    [topic] = buddy_topic_ids("Öffentlichkeitsarbeit")
    auth.login(pair.buddy)
    html = client.post("/buddys/angebot", data={"capacity": "1", "topics": [topic]}).get_data(
        as_text=True)
    assert "Du begleitest gerade 2 Personen" in html


def test_second_request_saved_at_the_same_moment_gets_a_message_not_a_duplicate(
        client, auth, make_buddy_request, buddies_db, monkeypatch, buddy_topic_ids):
    from alumni_hub.buddies.services import offers

    newcomer = make_buddy_request()
    [topic] = buddy_topic_ids("Öffentlichkeitsarbeit")
    # As if the other tab's request was committed right after this one looked for it.
    monkeypatch.setattr(offers, "open_request_of", lambda user_id: None)
    auth.login(newcomer)
    html = client.post("/buddys/anfrage", data={"topics": [topic], "region": "any",
                                               "note": "Zweiter Tab"}).get_data(as_text=True)
    assert "Du hast schon eine offene Buddy-Anfrage" in html and "Zweiter Tab" in html
    assert buddies_db(lambda: len(db.session.scalars(select(BuddyRequest)).all())) == 1


def test_newcomer_with_an_active_buddy_cannot_open_a_second_request(
        client, auth, make_buddy_pair, buddy_topic_ids, buddies_db):
    pair = make_buddy_pair()
    [topic] = buddy_topic_ids("Öffentlichkeitsarbeit")
    auth.login(pair.newcomer)
    assert "Buddy finden" not in client.get("/buddys/").get_data(as_text=True)
    html = client.post("/buddys/anfrage", data={"topics": [topic], "region": "any",
                                               "note": "Noch ein Buddy?"}).get_data(as_text=True)
    assert "Du hast schon einen Buddy: Bea Buddy." in html and "Noch ein Buddy?" in html
    assert buddies_db(lambda: db.session.scalar(select(BuddyRequest.id).where(
        BuddyRequest.status == "open"))) is None


def test_offer_saved_twice_at_the_same_moment_gets_a_message_not_an_error_page(
        client, auth, make_buddy_offer, buddies_db, monkeypatch, buddy_topic_ids):
    from alumni_hub.buddies.services import offers

    buddy = make_buddy_offer(note="Erster Klick")
    [topic] = buddy_topic_ids("Öffentlichkeitsarbeit")
    # As if the double click's first request committed right after this one looked.
    monkeypatch.setattr(offers, "offer_of", lambda user_id: None)
    auth.login(buddy)
    response = client.post("/buddys/angebot", data={"capacity": "2", "topics": [topic],
                                                    "note": "Zweiter Klick"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "bitte lade die Seite neu" in html and "Zweiter Klick" in html
    assert buddies_db(lambda: db.session.scalars(select(BuddyOffer.note)).all()) == ["Erster Klick"]
