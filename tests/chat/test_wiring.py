"""The chat inside meetings and buddy pairs: rooms on their pages, who may join and read."""
import uuid
from datetime import timedelta

from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import PAIR_ENDED, BuddyPair
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.messages import get_or_create_room, send_message
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting


def _say(app, user, kind, ref_id, body, **extra):
    with app.app_context():
        room = get_or_create_room(kind_name=kind, ref_id=ref_id)
        message, _created = send_message(user=db.session.get(User, user.id), room=room,
                                         kind=room_kind(kind), client_id=str(uuid.uuid4()),
                                         body=body, **extra)
        db.session.commit()
        return message.id


def _move(app, meeting, *, starts_in: timedelta, lasts=timedelta(hours=1)):
    """Time passing: the meeting now starts `starts_in` from now (negative: began before)."""
    with app.app_context():
        stored = db.session.get(Meeting, meeting.id)
        stored.starts_at = utcnow() + starts_in
        stored.ends_at = stored.starts_at + lasts
        db.session.commit()


def test_meeting_page_shows_its_room_panel(client, auth, make_meeting):
    meeting = make_meeting(title="Stammtisch Fachkräfte", )
    auth.login()
    page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    assert 'data-kind="meeting"' in page
    assert "Chat: Stammtisch Fachkräfte" in page


def test_member_joins_a_meeting_room(app, make_user, make_meeting, chat_socket):
    meeting = make_meeting(title="Online-Treffen")
    member = make_user()
    socket = chat_socket(member)
    assert socket.join("meeting", meeting.id)["ok"]


def test_meeting_room_is_closed_before_its_window(client, auth, make_meeting):
    meeting = make_meeting(days=7)
    auth.login()
    page = client.get(f"/chat/meeting/{meeting.id}").get_data(as_text=True)
    assert "Der Chat ist geschlossen." in page


def test_pair_space_shows_the_pair_room(client, auth, make_buddy_pair):
    pair = make_buddy_pair()
    auth.login(pair.newcomer)
    page = client.get(f"/buddys/paar/{pair.id}").get_data(as_text=True)
    assert 'data-kind="pair"' in page
    assert "Chat: Bea Buddy und Nele Neu" in page
    assert "Der Chat ist geöffnet." in page


def test_a_third_member_cannot_join_or_read_a_pair_room(app, client, auth, make_user,
                                                        make_buddy_pair, chat_socket):
    pair = make_buddy_pair()
    _say(app, pair.buddy, "pair", pair.id, "Nur für uns zwei")
    third = make_user()
    assert not chat_socket(third).join("pair", pair.id)["ok"]
    auth.login(third)
    for url in (f"/chat/pair/{pair.id}", f"/chat/pair/{pair.id}/protokoll.md"):
        response = client.get(url)
        assert response.status_code == 403
        assert "Nur für uns zwei" not in response.get_data(as_text=True)


def test_a_moderator_cannot_read_a_pair_room(app, client, auth, make_buddy_pair, chat_socket,
                                             make_user):
    pair = make_buddy_pair()
    _say(app, pair.newcomer, "pair", pair.id, "Vertraulich")
    moderator = make_user(role="moderator")
    assert not chat_socket(moderator).join("pair", pair.id)["ok"]
    auth.login(moderator)
    response = client.get(f"/chat/pair/{pair.id}/protokoll.md")
    assert response.status_code == 403
    assert "Vertraulich" not in response.get_data(as_text=True)


def test_an_ended_pair_keeps_its_room_read_only_for_the_two(app, client, auth,
                                                            make_buddy_pair):
    pair = make_buddy_pair()
    _say(app, pair.buddy, "pair", pair.id, "Danke für alles")
    with app.app_context():
        db.session.get(BuddyPair, pair.id).status = PAIR_ENDED
        db.session.commit()
    auth.login(pair.newcomer)
    page = client.get(f"/chat/pair/{pair.id}").get_data(as_text=True)
    assert "Danke für alles" in page
    assert "Der Chat ist geschlossen." in page
    transcript = client.get(f"/chat/pair/{pair.id}/protokoll.md").get_data(as_text=True)
    assert "Danke für alles" in transcript


def test_moderators_copy_to_recap_lands_in_the_draft_once(app, make_user, make_meeting,
                                                          chat_socket):
    meeting = make_meeting(title="Austausch")
    _move(app, meeting, starts_in=timedelta(minutes=-10))
    anna = chat_socket(make_user(display_name="Anna Alt"))
    moderator = chat_socket(make_user(role="moderator"))
    anna.join("meeting", meeting.id), moderator.join("meeting", meeting.id)
    message = anna.send("**Fazit:** mehr Kisten")["message"]
    assert anna.emit("chat:recap", message=message["id"])["ok"] is False
    assert moderator.emit("chat:recap", message=message["id"]) == {"ok": True}
    assert moderator.emit("chat:recap", message=message["id"]) == {"ok": True}
    with app.app_context():
        recap = db.session.get(Meeting, meeting.id).recap_md
    assert recap.count("**Fazit:** mehr Kisten") == 1
    assert "> **Fazit:** mehr Kisten\n>\n> — Anna Alt im Chat" in recap


def test_after_the_meeting_its_page_links_the_transcript_and_keeps_the_questions(
        app, client, auth, make_user, make_meeting):
    meeting = make_meeting(title="Rückblick")
    _move(app, meeting, starts_in=timedelta(minutes=-10))
    _say(app, make_user(display_name="Anna Alt"), "meeting", meeting.id,
         "Wie finanziert ihr das?", question=True)
    _move(app, meeting, starts_in=timedelta(days=-2))
    auth.login()
    page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    assert "Aus dem Chat des Treffens" in page
    assert f'/chat/meeting/{meeting.id}/protokoll.md' in page
    assert page.index("Gestellte Fragen") < page.index("Wie finanziert ihr das?")
    transcript = client.get(f"/chat/meeting/{meeting.id}/protokoll.md").get_data(as_text=True)
    assert "Wie finanziert ihr das?" in transcript


def _report_id(app, message_id):
    from alumni_hub.moderation.models import Report  # noqa: PLC0415
    with app.app_context():
        return db.session.scalar(db.select(Report.id).where(Report.target_id == message_id,
                                                            Report.target_type == "chat_message"))


def test_a_reported_message_shows_in_the_queue_and_hiding_deletes_it_for_everyone(
        app, client, auth, make_user, make_meeting):
    meeting = make_meeting(title="Meldetreffen")
    _move(app, meeting, starts_in=timedelta(minutes=-10))
    rude = make_user(display_name="Rudi Rau")
    message_id = _say(app, rude, "meeting", meeting.id, "Unfreundlicher Satz")
    auth.login()
    room = client.get(f"/chat/meeting/{meeting.id}").get_data(as_text=True)
    assert f"/chat/nachricht/{message_id}/melden" in room
    form = client.get(f"/chat/nachricht/{message_id}/melden").get_data(as_text=True)
    assert "Unfreundlicher Satz" in form
    empty = client.post(f"/chat/nachricht/{message_id}/melden", data={"reason": ""})
    assert "Bitte beschreibe kurz, was an der Nachricht nicht stimmt." in \
        empty.get_data(as_text=True)
    sent = client.post(f"/chat/nachricht/{message_id}/melden", data={"reason": "Beleidigend"},
                       follow_redirects=True)
    assert "Danke! Die Moderation sieht sich die Nachricht an." in sent.get_data(as_text=True)
    again = client.post(f"/chat/nachricht/{message_id}/melden",
                        data={"reason": "Nochmal"}, follow_redirects=True)
    assert "Danke!" not in again.get_data(as_text=True)
    auth.logout()
    auth.login(role="moderator")
    queue = client.get("/moderation/meldungen").get_data(as_text=True)
    assert "Unfreundlicher Satz" in queue and "Beleidigend" in queue
    client.post(f"/moderation/meldungen/{_report_id(app, message_id)}/ausblenden")
    room = client.get(f"/chat/meeting/{meeting.id}").get_data(as_text=True)
    assert "Unfreundlicher Satz" not in room
    assert "Diese Nachricht wurde gelöscht." in room


def test_nobody_reports_their_own_message(app, client, auth, make_user, make_meeting):
    meeting = make_meeting()
    _move(app, meeting, starts_in=timedelta(minutes=-10))
    me = auth.login()
    message_id = _say(app, me, "meeting", meeting.id, "Meine Nachricht")
    room = client.get(f"/chat/meeting/{meeting.id}").get_data(as_text=True)
    assert f"/chat/nachricht/{message_id}/melden" not in room
    page = client.post(f"/chat/nachricht/{message_id}/melden", data={"reason": "Test"})
    assert "Deine eigene Nachricht kannst du nicht melden." in page.get_data(as_text=True)
    assert _report_id(app, message_id) is None


def test_meeting_page_with_its_chat_costs_the_same_queries_for_few_or_many_messages(
        app, client, auth, make_user, make_meeting, count_queries):
    meeting = make_meeting(title="Großer Andrang")
    _move(app, meeting, starts_in=timedelta(minutes=-10))
    people = [make_user() for _ in range(6)]
    _say(app, people[0], "meeting", meeting.id, "Erste Frage?", question=True)
    auth.login()
    with count_queries() as few:
        client.get(f"/treffen/{meeting.id}")
    for n in range(12):
        _say(app, people[n % 6], "meeting", meeting.id, f"Nachricht {n}", question=n % 2 == 0)
    with count_queries() as many:
        page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    assert "Nachricht 11" in page
    assert len(many) == len(few)


def test_a_pair_message_never_becomes_a_wiki_tip(app, client, auth, make_buddy_pair):
    pair = make_buddy_pair()
    message_id = _say(app, pair.buddy, "pair", pair.id, "Mein Tipp nur für dich")
    auth.login(pair.newcomer)
    page = client.get(f"/chat/pair/{pair.id}").get_data(as_text=True)
    assert "Mein Tipp nur für dich" in page
    assert "Als Wiki-Tipp übernehmen" not in page and 'data-promote-url=""' in page
    response = client.get(f"/wiki/uebernehmen/chat_message/{message_id}")
    assert response.status_code == 404
    assert "Mein Tipp nur für dich" not in response.get_data(as_text=True)
