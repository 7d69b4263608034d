"""Moderators delete, mute, close; muted, logged-out and deactivated people cannot send."""
import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.moderation.models import AuditLogEntry


def _audit(app):
    with app.app_context():
        return [(e.action, e.target_type) for e in db.session.scalars(
            select(AuditLogEntry).order_by(AuditLogEntry.id))]


def test_moderator_deletes_a_message_and_it_disappears_for_everyone(app, make_user,
                                                                     chat_socket):
    anna = chat_socket(make_user())
    moderator = chat_socket(make_user(role="moderator"))
    anna.join("test", 1), moderator.join("test", 1)
    message = anna.send("Werbung für meinen Shop")["message"]
    anna.received()
    assert moderator.emit("chat:delete", message=message["id"])["ok"] is True
    [update] = anna.received("chat:update")
    assert update["message"]["deleted"] is True and update["message"]["body_html"] == ""
    assert _audit(app) == [("chat.message_deleted", "chat_message")]
    again = chat_socket(make_user()).join("test", 1)["messages"]
    assert again[0]["deleted"] is True and "Werbung" not in str(again)


def test_member_cannot_delete_or_mute(app, make_user, chat_socket):
    anna_user, bernd_user = make_user(), make_user()
    anna, bernd = chat_socket(anna_user), chat_socket(bernd_user)
    anna.join("test", 1), bernd.join("test", 1)
    message = anna.send("meins")["message"]
    refused = bernd.emit("chat:delete", message=message["id"])
    assert refused == {"ok": False, "error": "Nur Moderator:innen dieses Chatraums dürfen das.",
                       "field": None}
    assert bernd.emit("chat:mute", room=bernd.room, user=anna_user.id, minutes=15)["ok"] is False
    assert bernd.emit("chat:state", room=bernd.room, state="closed")["ok"] is False
    assert anna.send("geht noch")["ok"] is True
    assert _audit(app) == []


def test_muted_member_is_told_at_once_and_cannot_send(app, make_user, chat_socket):
    anna_user = make_user()
    anna = chat_socket(anna_user)
    other_tab = chat_socket(anna_user)
    moderator = chat_socket(make_user(role="moderator"))
    anna.join("test", 1), moderator.join("test", 1)
    answer = moderator.emit("chat:mute", room=moderator.room, user=anna_user.id, minutes=15)
    assert answer["ok"] is True
    assert other_tab.received("chat:muted")[0]["until"] == answer["until"]
    refused = anna.send("Hallo?")
    assert refused["ok"] is False and refused["field"] == "muted"
    assert refused["error"] == "Du bist in diesem Chatraum vorübergehend stummgeschaltet."
    assert chat_socket(anna_user).join("test", 1)["muted_until"] == answer["until"]
    assert moderator.emit("chat:mute", room=moderator.room, user=anna_user.id,
                          minutes=0)["until"] is None
    assert anna.send("Wieder da")["ok"] is True
    assert [a for a, _ in _audit(app)] == ["chat.member_muted", "chat.member_unmuted"]


def test_mute_duration_must_come_from_the_list(make_user, chat_socket):
    anna = make_user()
    moderator = chat_socket(make_user(role="moderator"))
    moderator.join("test", 1)
    refused = moderator.emit("chat:mute", room=moderator.room, user=anna.id, minutes=99999)
    assert refused["error"] == "Bitte wähle eine Dauer aus der Liste."


def test_moderators_cannot_mute_each_other_live_or_with_the_form(app, client, auth,
                                                                  make_user, chat_socket):
    refusal = "Moderator:innen dieses Chatraums können nicht stummgeschaltet werden."
    colleague_user = make_user(role="moderator")
    colleague, moderator = chat_socket(colleague_user), chat_socket(make_user(role="moderator"))
    colleague.join("test", 1), moderator.join("test", 1)
    colleague.received()
    refused = moderator.emit("chat:mute", room=moderator.room, user=colleague_user.id,
                             minutes=15)
    assert refused["ok"] is False and refused["error"] == refusal
    auth.login(role="moderator")
    page = client.post("/chat/test/1/stummschalten", data={
        "user_id": colleague_user.id, "minutes": "60"}, follow_redirects=True)
    assert refusal in page.get_data(as_text=True)
    assert colleague.received("chat:muted") == []
    assert colleague.send("Ich moderiere weiter")["ok"] is True
    assert _audit(app) == []


def test_logged_out_user_cannot_send_on_an_open_connection(app, make_user, chat_socket):
    anna = chat_socket(make_user())
    anna.join("test", 1)
    anna.http.post("/konto/abmelden")
    # The logout closed this browser's socket at once (core.realtime): nothing can be sent.
    assert not anna.socket.is_connected()
    with pytest.raises(RuntimeError, match="not connected"):
        anna.send("noch da?")


def test_deactivated_user_cannot_send_on_an_open_connection(app, make_user, chat_socket):
    user = make_user()
    anna = chat_socket(user)
    anna.join("test", 1)
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert anna.send("noch da?")["ok"] is False


def test_moderator_closes_and_reopens_the_room_live(app, make_user, chat_socket):
    anna = chat_socket(make_user())
    moderator = chat_socket(make_user(role="moderator"))
    anna.join("test", 1), moderator.join("test", 1)
    anna.received()
    assert moderator.emit("chat:state", room=moderator.room, state="closed")["open"] is False
    assert anna.received("chat:state") == [{"room": anna.room, "state": "closed", "open": False}]
    assert anna.send("zu?")["error"] == "Der Chatraum ist gerade geschlossen."
    moderator.emit("chat:state", room=moderator.room, state="auto")
    assert anna.send("offen!")["ok"] is True
    assert [a for a, _ in _audit(app)] == ["chat.room_closed", "chat.room_scheduled"]


def test_questions_are_voted_and_marked_answered(app, make_user, chat_socket):
    anna = chat_socket(make_user())
    bernd_user = make_user()
    bernd = chat_socket(bernd_user)
    moderator = chat_socket(make_user(role="moderator"))
    for chat in (anna, bernd, moderator):
        chat.join("test", 1)
    question = anna.send("Wie finanziert ihr das?", question=True)["message"]
    chatter = anna.send("Schöner Vortrag")["message"]
    assert question["question"] is True
    assert bernd.emit("chat:vote", message=question["id"])["ok"] is True
    assert bernd.emit("chat:vote", message=chatter["id"])["error"] == \
        "Nur Fragen können unterstützt werden."
    assert bernd.emit("chat:answer", message=question["id"], answered=True)["ok"] is False
    moderator.received()
    assert moderator.emit("chat:answer", message=question["id"], answered=True)["ok"] is True
    update = moderator.received("chat:update")[-1]["message"]
    assert update["answered"] is True and update["votes"] == [bernd_user.id]


def test_moderator_without_javascript_deletes_and_closes_with_forms(app, client, auth,
                                                                    make_user, chat_socket):
    listener = chat_socket(make_user())
    listener.join("test", 1)
    message = listener.send("Bitte löschen")["message"]
    listener.received()
    auth.login(role="moderator")
    page = client.get("/chat/test/1").get_data(as_text=True)
    assert f'action="/chat/nachricht/{message["id"]}/loeschen"' in page
    response = client.post(f"/chat/nachricht/{message['id']}/loeschen", follow_redirects=True)
    assert "Die Nachricht ist gelöscht." in response.get_data(as_text=True)
    assert listener.received("chat:update")[0]["message"]["deleted"] is True
    client.post("/chat/test/1/zustand", data={"state": "closed"})
    assert listener.received("chat:state") == [{"room": listener.room, "state": "closed",
                                                "open": False}]
    response = client.post("/chat/test/1/zustand", data={"state": "kaputt"},
                           follow_redirects=True)
    assert "Diesen Zustand gibt es nicht." in response.get_data(as_text=True)
    assert [a for a, _ in _audit(app)] == ["chat.message_deleted", "chat.room_closed"]


def test_moderator_copies_a_message_into_the_recap_of_the_rooms_owner(app, client, auth,
                                                                       make_user, chat_socket):
    from alumni_hub.core.signals import chat_message_to_recap  # noqa: PLC0415

    copied = []

    def take(sender, **kwargs):
        copied.append((sender, kwargs["ref_id"], kwargs["text_md"], kwargs["author_name"]))

    anna = chat_socket(make_user(display_name="Anna Alt"))
    moderator = chat_socket(make_user(role="moderator"))
    anna.join("test", 1), moderator.join("test", 1)
    message = anna.send("**Fazit:** mehr Kisten")["message"]
    refused = moderator.emit("chat:recap", message=message["id"])
    assert refused["error"] == "Diese Nachricht kann nicht ins Protokoll übernommen werden."
    chat_message_to_recap.connect(take, sender="test", weak=False)
    try:
        assert anna.emit("chat:recap", message=message["id"])["ok"] is False
        assert moderator.emit("chat:recap", message=message["id"]) == {"ok": True}
        auth.login(role="moderator")
        assert 'data-recap="true"' in client.get("/chat/test/1").get_data(as_text=True)
    finally:
        chat_message_to_recap.disconnect(take, sender="test")
    assert copied == [("test", 1, "**Fazit:** mehr Kisten", "Anna Alt")]


def test_room_questions_are_kept_most_votes_first_with_their_answered_mark(
        app, make_user, chat_socket):
    from alumni_hub.chat.queries import room_questions  # noqa: PLC0415

    anna, bernd = chat_socket(make_user()), chat_socket(make_user())
    moderator = chat_socket(make_user(role="moderator"))
    for chat in (anna, bernd, moderator):
        chat.join("test", 4)
    first = anna.send("Erste Frage?", question=True)["message"]
    second = anna.send("Zweite Frage?", question=True)["message"]
    bernd.emit("chat:vote", message=second["id"])
    moderator.emit("chat:answer", message=first["id"], answered=True)
    with app.app_context():
        kept = room_questions("test", 4)
        assert room_questions("test", 99) == []
    assert [(q["seq"], len(q["votes"]), q["answered"]) for q in kept] == [
        (2, 1, False), (1, 0, True)]
