"""The chat inside meetings and buddy pairs: rooms on their pages, who may join and read."""
import uuid

from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import PAIR_ENDED, BuddyPair
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.messages import get_or_create_room, send_message
from alumni_hub.extensions import db


def _say(app, user, kind, ref_id, body, **extra):
    with app.app_context():
        room = get_or_create_room(kind_name=kind, ref_id=ref_id)
        message, _created = send_message(user=db.session.get(User, user.id), room=room,
                                         kind=room_kind(kind), client_id=str(uuid.uuid4()),
                                         body=body, **extra)
        db.session.commit()
        return message.id


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
