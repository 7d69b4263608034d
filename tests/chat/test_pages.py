"""The room panel, posting without JavaScript, the transcript, the retention purge, and what
chat registers with moderation and the wiki."""
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from alumni_hub.accounts.models import User
from alumni_hub.chat import reporting
from alumni_hub.chat.models import Message, Room
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.messages import get_or_create_room, send_message
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import NotFound, ValidationError
from alumni_hub.extensions import db
from alumni_hub.moderation.targets import report_target
from alumni_hub.wiki.sources import get_tip_source


@pytest.fixture
def say(app):
    """say(user, body, kind="test", ref_id=1, age=None, **extra) -> message id, committed."""

    def write(user, body, kind="test", ref_id=1, age=None, **extra):
        with app.app_context():
            room = get_or_create_room(kind_name=kind, ref_id=ref_id)
            message, _created = send_message(
                user=db.session.get(User, user.id), room=room, kind=room_kind(kind),
                client_id=str(uuid.uuid4()), body=body, **extra)
            if age is not None:
                message.created_at = utcnow() - age
            db.session.commit()
            return message.id

    return write


def test_room_page_shows_messages_own_mark_and_retention(client, auth, make_user, say):
    me = auth.login()
    other = make_user(display_name="Bernd Brandt")
    say(other, "Willkommen im **Treffen**")
    say(me, "Danke!")
    page = client.get("/chat/test/1").get_data(as_text=True)
    assert "Chat: Testraum 1" in page
    assert "werden gespeichert und nach 365 Tagen automatisch gelöscht" in page
    assert "<strong>Treffen</strong>" in page and "Bernd Brandt" in page
    assert page.count("chat-own-mark") == 1
    assert 'data-last-seq="2"' in page
    assert "/wiki/uebernehmen/chat_message/" in page


def test_room_page_needs_a_bounded_number_of_queries(client, auth, make_user, say,
                                                     count_queries, app):
    me = auth.login()
    for n in range(3):
        say(make_user(), f"Frage {n}", question=True)
    with count_queries() as few:
        client.get("/chat/test/1")
    before = app.config["CHAT_RATE_COUNT"]
    app.config["CHAT_RATE_COUNT"] = 1000
    try:
        for n in range(30):
            say(make_user() if n % 2 else me, f"Nachricht {n}", question=n % 3 == 0)
    finally:
        app.config["CHAT_RATE_COUNT"] = before
    with count_queries() as many:
        page = client.get("/chat/test/1").get_data(as_text=True)
    assert "Nachricht 29" in page
    assert len(many) == len(few)


def test_outsider_cannot_see_a_pairs_room_or_its_transcript(client, auth, make_user, make_duo,
                                                           say):
    anna, bernd = make_user(), make_user()
    duo = make_duo(anna, bernd)
    say(anna, "Unter uns", kind="duo", ref_id=duo)
    auth.login()
    for url in (f"/chat/duo/{duo}", f"/chat/duo/{duo}/protokoll.md"):
        response = client.get(url)
        assert response.status_code == 403 and "Unter uns" not in response.get_data(as_text=True)
    assert client.post(f"/chat/duo/{duo}/senden", data={
        "body": "Hallo", "client_id": str(uuid.uuid4())}).status_code == 403


def test_posting_without_javascript_stores_a_resubmitted_form_once(app, client, auth):
    auth.login()
    form = {"body": "Ohne JavaScript", "client_id": str(uuid.uuid4())}
    first = client.post("/chat/test/1/senden", data=form)
    second = client.post("/chat/test/1/senden", data=form)
    assert first.headers["Location"].endswith("/chat/test/1#chat-msg-1")
    assert second.headers["Location"] == first.headers["Location"]
    with app.app_context():
        assert list(db.session.scalars(select(Message.body_md))) == ["Ohne JavaScript"]


def test_refused_post_keeps_the_typed_text(client, auth):
    auth.login()
    response = client.post("/chat/test/1/senden", data={"body": "x" * 2001,
                                                       "client_id": str(uuid.uuid4())})
    page = response.get_data(as_text=True)
    assert "Eine Nachricht darf höchstens 2000 Zeichen lang sein." in page
    assert "x" * 2001 in page
    response = client.post("/chat/test/1/senden", data={"body": "Hallo", "client_id": "kaputt"})
    assert "Die Nachricht hat keine gültige Kennung." in response.get_data(as_text=True)
    assert ">Hallo</textarea>" in response.get_data(as_text=True)


def test_post_that_breaks_the_numbering_keeps_the_text_with_a_german_message(app, client, auth):
    """Like chat:send: a room counter behind its messages is refused, not a server error."""
    auth.login()
    client.post("/chat/test/1/senden", data={"body": "eins", "client_id": str(uuid.uuid4())})
    with app.app_context():
        db.session.execute(update(Room).values(last_seq=0))
        db.session.commit()
    response = client.post("/chat/test/1/senden", data={"body": "Noch einmal",
                                                       "client_id": str(uuid.uuid4())})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Die Nachricht konnte nicht gespeichert werden. Bitte sende sie noch einmal." in page
    assert ">Noch einmal</textarea>" in page
    with app.app_context():
        assert list(db.session.scalars(select(Message.body_md))) == ["eins"]


def test_transcript_is_markdown_with_questions_and_replies(client, auth, make_user, say):
    me = auth.login()
    ada = make_user(display_name="Ada Admin")
    say(ada, "Wie viele Kisten braucht man?", question=True)
    say(me, "Zwei reichen.\nOder drei.", reply_to_seq=1)
    gone = say(me, "Tippfehler")
    with client.application.app_context():
        db.session.get(Message, gone).deleted_at = utcnow()
        db.session.commit()
    response = client.get("/chat/test/1/protokoll.md")
    text = response.get_data(as_text=True)
    assert response.mimetype == "text/markdown"
    assert 'filename="chat-test-1.md"' in response.headers["Content-Disposition"]
    assert text.startswith("# Chat-Protokoll: Testraum 1\n")
    assert "**Ada Admin** (" in text and ") – Frage\n\n> Wie viele Kisten braucht man?" in text
    assert "– Antwort an Ada Admin\n\n> Zwei reichen.\n> Oder drei." in text
    assert "Tippfehler" not in text


def test_purge_deletes_only_messages_past_retention(app, runner, make_user, say):
    anna = make_user()
    old = say(anna, "Von letztem Jahr", age=timedelta(days=400))
    say(anna, "Antwort darauf", reply_to_seq=1, age=timedelta(days=10))
    say(anna, "Von heute")
    result = runner.invoke(args=["purge-chat"])
    assert "1 Chat-Nachrichten gelöscht (älter als 365 Tage)." in result.output
    with app.app_context():
        bodies = list(db.session.scalars(select(Message.body_md).order_by(Message.seq)))
        assert db.session.get(Message, old) is None
    assert bodies == ["Antwort darauf", "Von heute"]
    result = runner.invoke(args=["purge-chat", "--days", "5"])
    assert "1 Chat-Nachrichten gelöscht (älter als 5 Tage)." in result.output


def test_report_target_loads_and_deletes_a_chat_message(app, make_user, say):
    anna, bernd = make_user(display_name="Anna Alt"), make_user()
    moderator = make_user(role="moderator")
    message_id = say(anna, "Kauft meine Kisten!")
    target = report_target("chat_message")
    with app.app_context():
        reporter = db.session.get(User, bernd.id)
        target.can_report(reporter, message_id)
        with pytest.raises(ValidationError):
            target.can_report(db.session.get(User, anna.id), message_id)
        [(shown_id, shown)] = target.load([message_id]).items()
        assert (shown_id, shown.title, shown.excerpt, shown.author_name, shown.gone) == (
            message_id, "Testraum 1", "Kauft meine Kisten!", "Anna Alt", False)
        assert shown.url == "/chat/test/1#chat-msg-1"
        target.delete(message_id, db.session.get(User, moderator.id), "Werbung")
        db.session.commit()
        assert target.load([message_id])[message_id].gone is True
        with pytest.raises(NotFound):
            target.can_report(reporter, message_id)


def test_message_becomes_a_wiki_tip_only_for_people_in_the_room(app, make_user, make_duo, say):
    anna, bernd, carla = make_user(display_name="Anna Alt"), make_user(), make_user()
    duo = make_duo(anna, bernd)
    message_id = say(anna, "Tipp: **Calliope** ausleihen", kind="duo", ref_id=duo)
    with app.app_context():
        source = get_tip_source("chat_message", message_id, db.session.get(User, bernd.id))
        assert (source.text_md, source.author_name, source.url) == (
            "Tipp: **Calliope** ausleihen", "Anna Alt", f"/chat/duo/{duo}#chat-msg-1")
        with pytest.raises(NotFound):
            reporting.tip_source(message_id, db.session.get(User, carla.id))
        assert db.session.scalar(select(Room.kind)) == "duo"


def test_room_speaks_english_to_english_readers(client, auth, make_user):
    auth.login(make_user(locale="en"))
    page = client.get("/chat/test/1").get_data(as_text=True)
    assert "Messages in this chat are stored and deleted automatically after 365 days." in page
    assert "(Enter sends, Shift+Enter starts a new line)" in page
    assert '"pending": "sending' in page


def test_message_posted_without_javascript_reaches_open_sockets(client, auth, make_user,
                                                                chat_socket):
    listener = chat_socket(make_user())
    listener.join("test", 1)
    listener.received()
    auth.login()
    client.post("/chat/test/1/senden", data={"body": "Vom Formular",
                                            "client_id": str(uuid.uuid4())})
    assert [m["body_html"] for m in listener.received("chat:message")] == ["<p>Vom Formular</p>"]


def test_room_outside_its_times_shows_the_transcript_without_a_form(client, auth, make_user,
                                                                    say, chat_window):
    say(make_user(), "Bis zum nächsten Mal!", ref_id=5)
    chat_window(5, utcnow() - timedelta(days=2), utcnow() - timedelta(days=1))
    auth.login()
    page = client.get("/chat/test/5").get_data(as_text=True)
    assert "Der Chat ist geschlossen. Du siehst das Protokoll." in page
    assert "Bis zum nächsten Mal!" in page
    assert "data-chat-form novalidate hidden" in page
