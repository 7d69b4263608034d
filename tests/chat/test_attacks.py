"""What a hostile client sends over Socket.IO is refused with a German answer, never raised:
out-of-range numbers, writes into read-only rooms, writes while muted, floods."""
from datetime import timedelta

from sqlalchemy import func, select

from alumni_hub.chat.models import Change, Room
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db

THUMBS = "\U0001F44D"


def test_reply_to_a_number_beyond_any_message_is_refused_not_raised(app, make_user,
                                                                    chat_socket):
    anna = chat_socket(make_user())
    anna.join("test", 1)
    anna.send("Erste Nachricht")
    for seq in (2**64, 2**31, -1):
        answer = anna.send("Antwort", reply_to=seq)
        assert answer["ok"] is False, seq
        assert answer["error"] == "Die Nachricht, auf die du antwortest, gibt es nicht."
    assert anna.send("Antwort", reply_to=1)["ok"] is True


def test_ids_beyond_the_database_integer_range_are_refused(app, make_user, chat_socket):
    anna = chat_socket(make_user())
    answer = anna.join("test", 2**31)
    assert answer == {"ok": False, "error": "Die Anfrage ist unvollständig.", "field": "ref_id"}
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Room)) == 0


def test_nobody_reacts_or_votes_in_a_closed_room(app, make_user, chat_socket, chat_window):
    anna, bernd = chat_socket(make_user()), chat_socket(make_user())
    anna.join("test", 1), bernd.join("test", 1)
    question = anna.send("Wie finanziert ihr das?", question=True)["message"]
    chat_window(1, utcnow() - timedelta(hours=3), utcnow() - timedelta(hours=1))
    reacted = bernd.emit("chat:react", message=question["id"], emoji=THUMBS)
    voted = bernd.emit("chat:vote", message=question["id"])
    for answer in (reacted, voted):
        assert answer["ok"] is False and answer["error"] == "Der Chatraum ist gerade geschlossen."
    again = chat_socket(make_user()).join("test", 1)["messages"][0]
    assert again["reactions"] == {} and again["votes"] == []


def test_muted_member_can_neither_react_nor_vote_nor_type(app, make_user, chat_socket):
    anna_user = make_user()
    anna, bernd = chat_socket(anna_user), chat_socket(make_user())
    moderator = chat_socket(make_user(role="moderator"))
    for chat in (anna, bernd, moderator):
        chat.join("test", 1)
    question = bernd.send("Wer kennt ein MINT-Mobil?", question=True)["message"]
    moderator.emit("chat:mute", room=moderator.room, user=anna_user.id, minutes=15)
    bernd.received()
    muted = "Du bist in diesem Chatraum vorübergehend stummgeschaltet."
    assert anna.emit("chat:react", message=question["id"], emoji=THUMBS)["error"] == muted
    assert anna.emit("chat:vote", message=question["id"])["error"] == muted
    assert anna.emit("chat:typing", room=anna.room)["error"] == muted
    assert bernd.received() == []


def test_a_flood_of_reactions_is_cut_off_after_twenty_in_ten_seconds(app, make_user,
                                                                     chat_socket):
    anna, bernd = chat_socket(make_user()), chat_socket(make_user())
    anna.join("test", 1), bernd.join("test", 1)
    message = anna.send("Reagiert mal")["message"]
    answers = [bernd.emit("chat:react", message=message["id"], emoji=THUMBS)
               for _ in range(21)]
    assert all(a["ok"] for a in answers[:20])
    assert answers[20] == {"ok": False, "field": "rate",
                           "error": "Du bist gerade sehr schnell. Bitte warte einen Moment."}
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Change)) == 20


def test_typing_is_passed_on_at_most_every_two_seconds(make_user, chat_socket):
    anna, bernd = chat_socket(make_user()), chat_socket(make_user())
    anna.join("test", 1), bernd.join("test", 1)
    bernd.received()
    assert anna.emit("chat:typing", room=anna.room)["ok"] is True
    assert anna.emit("chat:typing", room=anna.room)["field"] == "rate"
    assert len(bernd.received("chat:typing")) == 1
