"""Who gets into a chat room over Socket.IO: logged-in people from this origin with access."""
from datetime import timedelta

from alumni_hub.core.db import utcnow


def test_anonymous_connection_is_refused(client, socket_client):
    socket = socket_client(client)
    assert not socket.is_connected()


def test_foreign_origin_is_refused_even_when_logged_in(chat_login, make_user):
    # The Socket.IO test client skips Engine.IO's handshake, where the origin is checked.
    http = chat_login(make_user())
    refused = http.get("/socket.io/?EIO=4&transport=polling",
                       headers={"Origin": "http://evil.example"})
    accepted = http.get("/socket.io/?EIO=4&transport=polling",
                        headers={"Origin": "http://localhost"})
    assert refused.status_code == 400 and b"sid" not in refused.data
    assert accepted.status_code == 200 and b"sid" in accepted.data


def test_member_joins_open_room_and_gets_its_state(make_user, chat_socket):
    user = make_user(display_name="Anna Alt")
    anna = chat_socket(user)
    answer = anna.join("test", 7)
    assert answer["ok"] is True
    assert answer["open"] is True and answer["can_moderate"] is False
    assert answer["messages"] == [] and answer["last_seq"] == 0
    assert answer["people"] == [{"id": user.id, "name": "Anna Alt"}]


def test_member_cannot_join_another_pairs_room(make_user, make_duo, chat_socket):
    anna, bernd, carla = make_user(), make_user(), make_user()
    duo = make_duo(anna, bernd)
    intruder = chat_socket(carla)
    answer = intruder.join("duo", duo)
    assert answer["ok"] is False
    assert answer["error"] == "Du hast keinen Zugang zu diesem Chatraum."
    assert intruder.received("chat:error")[-1]["error"] == answer["error"]
    assert chat_socket(anna).join("duo", duo)["ok"] is True


def test_member_cannot_send_into_a_room_they_may_not_join(make_user, make_duo, chat_socket):
    anna, bernd, carla = make_user(), make_user(), make_user()
    duo = make_duo(anna, bernd)
    room = chat_socket(anna).join("duo", duo)["room"]
    intruder = chat_socket(carla)
    intruder.room = room
    answer = intruder.send("Ich lese mit")
    assert answer["ok"] is False
    assert chat_socket(bernd).join("duo", duo)["messages"] == []


def test_unknown_room_kind_is_refused_in_german(make_user, chat_socket):
    answer = chat_socket(make_user()).join("nirgendwo", 1)
    assert answer == {"ok": False, "error": "Diesen Chatraum gibt es nicht.", "field": None}


def test_room_outside_its_window_is_read_only(make_user, chat_socket, chat_window):
    chat_window(3, utcnow() - timedelta(hours=5), utcnow() - timedelta(hours=1))
    anna = chat_socket(make_user())
    answer = anna.join("test", 3)
    assert answer["ok"] is True and answer["open"] is False
    refused = anna.send("Noch jemand da?")
    assert refused["ok"] is False
    assert refused["error"] == "Der Chatraum ist gerade geschlossen."


def test_presence_announces_who_comes_and_who_leaves_with_their_last_tab(make_user,
                                                                        chat_socket):
    anna = chat_socket(make_user(display_name="Anna Alt"))
    bernd_user = make_user(display_name="Bernd Brandt")
    anna.join("test", 1)
    anna.received()
    bernd_tabs = [chat_socket(bernd_user), chat_socket(bernd_user)]
    answers = [tab.join("test", 1) for tab in bernd_tabs]
    assert [p["name"] for p in answers[1]["people"]] == ["Anna Alt", "Bernd Brandt"]
    assert anna.received("chat:presence") == [
        {"room": anna.room, "joined": {"id": bernd_user.id, "name": "Bernd Brandt"}}]
    bernd_tabs[0].socket.disconnect()
    assert anna.received("chat:presence") == []
    bernd_tabs[1].emit("chat:leave", room=anna.room)
    assert anna.received("chat:presence") == [{"room": anna.room, "left": bernd_user.id}]


def test_typing_reaches_the_others_not_the_typist(make_user, chat_socket):
    anna = chat_socket(make_user(display_name="Anna Alt"))
    bernd = chat_socket(make_user(display_name="Bernd Brandt"))
    anna.join("test", 1)
    bernd.join("test", 1)
    anna.received(), bernd.received()
    anna.emit("chat:typing", room=anna.room)
    assert [t["name"] for t in bernd.received("chat:typing")] == ["Anna Alt"]
    assert anna.received("chat:typing") == []


def test_outsider_cannot_catch_up_or_react_in_a_pairs_room(make_user, make_duo, chat_socket):
    anna, bernd, carla = make_user(), make_user(), make_user()
    duo = make_duo(anna, bernd)
    insider = chat_socket(anna)
    insider.join("duo", duo)
    message = insider.send("Nur für Bernd")["message"]
    intruder = chat_socket(carla)
    synced = intruder.emit("chat:sync", room=insider.room, after_seq=0)
    reacted = intruder.emit("chat:react", message=message["id"], emoji="\U0001F44D")
    assert synced["ok"] is False and "messages" not in synced
    assert reacted["ok"] is False
    assert "Nur für Bernd" not in str(intruder.received())


def test_nonsense_positions_mean_from_the_start(make_user, chat_socket):
    anna = chat_socket(make_user())
    anna.join("test", 1)
    anna.send("eins")
    for position in (-5, 2**80, "3", None, True):
        answer = anna.emit("chat:sync", room=anna.room, after_seq=position,
                           after_change=position)
        assert [m["seq"] for m in answer["messages"]] == [1], position
