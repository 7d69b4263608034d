"""Reconnecting: everything after the last seen number, in order, from the database; changes
made while away; gapless numbers under concurrent senders."""
import threading
import uuid

import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.chat.models import Message, Room
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.messages import get_or_create_room, send_message
from alumni_hub.extensions import db

REACTION = "\U0001F44D"


@pytest.fixture
def no_rate_limit(app):
    before = app.config["CHAT_RATE_COUNT"]
    app.config["CHAT_RATE_COUNT"] = 10_000
    yield
    app.config["CHAT_RATE_COUNT"] = before


def _write(app, user, count: int, ref_id: int = 1) -> None:
    with app.app_context():
        author = db.session.get(User, user.id)
        room = get_or_create_room(kind_name="test", ref_id=ref_id)
        for n in range(count):
            send_message(user=author, room=room, kind=room_kind("test"),
                         client_id=str(uuid.uuid4()), body=f"Nachricht {n + 1}")
        db.session.commit()


def test_reconnecting_client_gets_what_it_missed_in_order(make_user, chat_socket):
    anna, bernd = make_user(), make_user()
    writer = chat_socket(anna)
    writer.join("test", 1)
    writer.send("eins")
    away = chat_socket(bernd)
    assert [m["seq"] for m in away.join("test", 1)["messages"]] == [1]
    away.socket.disconnect()
    for body in ("zwei", "drei", "vier"):
        writer.send(body)
    back = chat_socket(bernd).join("test", 1, after_seq=1)
    assert [(m["seq"], m["body_html"]) for m in back["messages"]] == [
        (2, "<p>zwei</p>"), (3, "<p>drei</p>"), (4, "<p>vier</p>")]
    assert back["last_seq"] == 4 and back["more"] is False


def test_long_absence_is_caught_up_in_batches(app, make_user, chat_socket, no_rate_limit):
    anna = make_user()
    _write(app, anna, 250)
    bernd = chat_socket(make_user())
    first = bernd.join("test", 1, after_seq=0)
    assert len(first["messages"]) == 200 and first["more"] is True
    rest = bernd.emit("chat:sync", room=bernd.room, after_seq=200)
    assert [m["seq"] for m in rest["messages"]] == list(range(201, 251))
    assert rest["more"] is False


def test_deletions_and_reactions_made_while_away_reach_the_client(make_user, chat_socket):
    anna = chat_socket(make_user())
    moderator = chat_socket(make_user(role="moderator"))
    anna.join("test", 1), moderator.join("test", 1)
    anna.send("bleibt"), anna.send("wird gelöscht")
    bernd_user = make_user()
    bernd = chat_socket(bernd_user)
    joined = bernd.join("test", 1)
    assert joined["change_seq"] == 0
    bernd.socket.disconnect()
    assert moderator.emit("chat:react", message=joined["messages"][0]["id"],
                          emoji=REACTION)["ok"] is True
    assert moderator.emit("chat:delete", message=joined["messages"][1]["id"])["ok"] is True
    back = chat_socket(bernd_user).join("test", 1, after_seq=2, after_change=0)
    assert back["messages"] == [] and back["change_seq"] == 2
    kept, deleted = back["changes"]
    assert kept["reactions"] == {REACTION: [moderator_id(moderator)]}
    assert deleted["deleted"] is True and deleted["body_html"] == ""


def moderator_id(chat) -> int:
    with chat.http.session_transaction() as session:
        return int(session["_user_id"].split(":", 1)[0])


def test_changes_reach_connected_clients_live_after_the_commit(make_user, chat_socket):
    anna = chat_socket(make_user())
    bernd = chat_socket(make_user())
    anna.join("test", 1), bernd.join("test", 1)
    message = anna.send("Daumen hoch?")["message"]
    bernd.received()
    anna.emit("chat:react", message=message["id"], emoji=REACTION)
    [update] = bernd.received("chat:update")
    assert update["change"] == 1 and list(update["message"]["reactions"]) == [REACTION]
    anna.emit("chat:react", message=message["id"], emoji=REACTION)
    assert bernd.received("chat:update")[0]["message"]["reactions"] == {}


def test_concurrent_senders_get_consecutive_numbers_without_gaps(app, make_user,
                                                                 no_rate_limit):
    writers = [make_user() for _ in range(6)]
    with app.app_context():
        get_or_create_room(kind_name="test", ref_id=1)
    errors = []

    def write(user):
        try:
            _write(app, user, 10)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(user,)) for user in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with app.app_context():
        seqs = list(db.session.scalars(select(Message.seq).order_by(Message.seq)))
        assert db.session.scalar(select(Room.last_seq)) == 60
    assert seqs == list(range(1, 61))


def test_concurrent_resends_of_one_id_store_it_once(app, make_user):
    anna = make_user()
    with app.app_context():
        get_or_create_room(kind_name="test", ref_id=1)
    client_id = str(uuid.uuid4())
    results = []

    def resend():
        with app.app_context():
            room = db.session.scalar(select(Room))
            try:
                message, created = send_message(
                    user=db.session.get(User, anna.id), room=room, kind=room_kind("test"),
                    client_id=client_id, body="einmal")
                db.session.commit()
                results.append(created)
            except Exception:  # noqa: BLE001 - the unique constraint caught the twin
                db.session.rollback()
                results.append(False)

    threads = [threading.Thread(target=resend) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    with app.app_context():
        assert list(db.session.scalars(select(Message.seq))) == [1]
        assert db.session.scalar(select(Room.last_seq)) == 1
    assert results.count(True) == 1
