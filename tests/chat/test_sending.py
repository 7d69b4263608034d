"""Sending: validated, stored before it is broadcast, numbered without gaps, acknowledged,
and a resent id stored and shown once."""
import uuid

from sqlalchemy import func, select, update

from alumni_hub.chat.models import Message, Room
from alumni_hub.extensions import db


def _stored(app):
    with app.app_context():
        return [(m.seq, m.body_md) for m in db.session.scalars(
            select(Message).order_by(Message.room_id, Message.seq))]


def test_message_is_stored_acknowledged_and_broadcast_to_the_room(app, make_user, chat_socket):
    anna = chat_socket(make_user(display_name="Anna Alt"))
    bernd = chat_socket(make_user(display_name="Bernd Brandt"))
    anna.join("test", 1), bernd.join("test", 1)
    bernd.received()
    answer = anna.send("Schaut mal: https://mint-regionen.de *super*")
    assert answer["ok"] is True and answer["duplicate"] is False
    [seen] = bernd.received("chat:message")
    assert seen == answer["message"]
    assert seen["seq"] == 1 and seen["author_name"] == "Anna Alt"
    assert 'href="https://mint-regionen.de"' in seen["body_html"] and "<em>super</em>" in seen["body_html"]
    assert _stored(app) == [(1, "Schaut mal: https://mint-regionen.de *super*")]


def test_resent_id_is_acknowledged_again_but_stored_and_shown_once(app, make_user, chat_socket):
    anna, bernd = chat_socket(make_user()), chat_socket(make_user())
    anna.join("test", 1), bernd.join("test", 1)
    bernd.received()
    client_id = str(uuid.uuid4())
    first = anna.send("Nur einmal bitte", client_id=client_id)
    again = anna.send("Nur einmal bitte", client_id=client_id)
    assert again["ok"] is True and again["duplicate"] is True
    assert again["message"]["seq"] == first["message"]["seq"] == 1
    assert len(bernd.received("chat:message")) == 1
    assert _stored(app) == [(1, "Nur einmal bitte")]


def test_resend_with_uppercase_uuid_is_the_same_message(app, make_user, chat_socket):
    anna = chat_socket(make_user())
    anna.join("test", 1)
    client_id = str(uuid.uuid4())
    anna.send("Hallo", client_id=client_id)
    assert anna.send("Hallo", client_id=client_id.upper())["duplicate"] is True
    assert len(_stored(app)) == 1


def test_invalid_messages_are_refused_with_german_errors(app, make_user, chat_socket):
    anna = chat_socket(make_user())
    anna.join("test", 1)
    cases = [
        ({"body": "   "}, "Die Nachricht ist leer."),
        ({"body": "x" * 2001}, "Eine Nachricht darf höchstens 2000 Zeichen lang sein."),
        ({"body": "Hallo", "client_id": "nicht-eine-uuid"},
         "Die Nachricht hat keine gültige Kennung."),
        ({"body": "Hallo", "reply_to": 99}, "Die Nachricht, auf die du antwortest, gibt es nicht."),
    ]
    for data, error in cases:
        answer = anna.send(**data)
        assert answer["ok"] is False and answer["error"] == error, data
    assert anna.send("x" * 2000)["ok"] is True
    assert [seq for seq, _ in _stored(app)] == [1]


def test_sixth_message_within_five_seconds_is_refused(app, make_user, chat_socket):
    anna = chat_socket(make_user())
    anna.join("test", 1)
    for n in range(5):
        assert anna.send(f"Nachricht {n}")["ok"] is True
    refused = anna.send("zu schnell")
    assert refused["ok"] is False and refused["field"] == "rate"
    assert refused["error"].startswith("Du schreibst gerade sehr schnell.")
    assert anna.received("chat:error")[-1]["error"] == refused["error"]
    assert len(_stored(app)) == 5


def test_reply_carries_a_quote_of_the_original(make_user, chat_socket):
    anna = chat_socket(make_user(display_name="Anna Alt"))
    anna.join("test", 1)
    anna.send("Wer kennt ein gutes MINT-Mobil?")
    reply = anna.send("Das aus Oldenburg!", reply_to=1)["message"]
    assert reply["reply_to"] == {"seq": 1, "author_name": "Anna Alt",
                                 "excerpt": "Wer kennt ein gutes MINT-Mobil?"}


def test_mention_notifies_a_member_who_may_be_in_the_room(app, make_user, make_duo, chat_socket):
    from alumni_hub.notifications.models import Notification  # noqa: PLC0415

    anna = make_user(display_name="Anna Alt")
    bernd = make_user(display_name="Bernd Brandt")
    carla = make_user(display_name="Carla Chen")
    duo = make_duo(anna, bernd)
    socket = chat_socket(anna)
    socket.join("duo", duo)
    socket.send("@Bernd_Brandt und @[Carla Chen], schaut mal")
    with app.app_context():
        notes = db.session.execute(select(Notification.user_id, Notification.kind,
                                          Notification.url)).all()
    assert notes == [(bernd.id, "chat_mention", f"/chat/duo/{duo}#chat-msg-1")]


def test_sequence_numbers_count_per_room(app, make_user, chat_socket):
    anna = chat_socket(make_user())
    anna.join("test", 1)
    anna.send("eins")
    other = chat_socket(make_user())
    other.join("test", 2)
    assert other.send("woanders")["message"]["seq"] == 1
    assert anna.send("zwei")["message"]["seq"] == 2
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Message)) == 3


def _set_counter(app, last_seq):
    with app.app_context():
        db.session.execute(update(Room).values(last_seq=last_seq))
        db.session.commit()


def test_insert_that_breaks_the_numbering_is_refused_in_german_and_rolled_back(
        app, make_user, chat_socket):
    """A room counter behind its messages (a restored backup, a hand edit) makes the new
    message collide with a stored seq: not a resend, so nothing to acknowledge."""
    anna, bernd = chat_socket(make_user()), chat_socket(make_user())
    anna.join("test", 1), bernd.join("test", 1)
    assert anna.send("eins")["ok"] is True
    _set_counter(app, 0)
    bernd.received()
    client_id = str(uuid.uuid4())
    answer = anna.send("zwei", client_id=client_id)
    assert answer == {"ok": False, "field": "store", "client_id": client_id,
                      "error": "Die Nachricht konnte nicht gespeichert werden. "
                               "Bitte sende sie noch einmal."}
    assert anna.received("chat:error") == [answer]
    assert bernd.received("chat:message") == []
    assert _stored(app) == [(1, "eins")]
    _set_counter(app, 1)
    again = anna.send("zwei", client_id=client_id)
    assert again["ok"] is True and again["message"]["seq"] == 2
    assert _stored(app) == [(1, "eins"), (2, "zwei")]
