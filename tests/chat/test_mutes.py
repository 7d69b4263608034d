"""Moderators mute members for a chosen time, see who is muted until when and lift a mute
early: with JavaScript over Socket.IO, without it with forms; each step in the audit log."""
import re
import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.chat.models import Mute
from alumni_hub.chat.queries import muted_members
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.messages import get_or_create_room, send_message
from alumni_hub.chat.services.moderating import mute_member, unmute_member
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import db
from alumni_hub.moderation.models import AuditLogEntry


NOBODY_MUTED = '<li class="muted">Niemand ist stummgeschaltet.</li>'


def _hhmm(until) -> str:
    return until.astimezone(ZoneInfo("Europe/Berlin")).strftime("%H:%M")


def _label(until) -> str:
    """What the page says a mute lasts until: the time, and the date if not today (Berlin)."""
    berlin = ZoneInfo("Europe/Berlin")
    local = until.astimezone(berlin)
    today = utcnow().astimezone(berlin).date()
    return local.strftime("%H:%M" if local.date() == today else "%d.%m., %H:%M")


def _say(app, user, body="Hallo", ref_id=1) -> int:
    with app.app_context():
        room = get_or_create_room(kind_name="test", ref_id=ref_id)
        message, _created = send_message(user=db.session.get(User, user.id), room=room,
                                         kind=room_kind("test"), client_id=str(uuid.uuid4()),
                                         body=body)
        db.session.commit()
        return message.id


def _mute_until(app, user):
    with app.app_context():
        return db.session.scalar(select(Mute.until).where(Mute.user_id == user.id))


def _audit(app):
    with app.app_context():
        return [(e.action, e.target_id, e.details) for e in db.session.scalars(
            select(AuditLogEntry).order_by(AuditLogEntry.id))]


@pytest.mark.parametrize("minutes", [5, 15, 60, 24 * 60])
def test_each_listed_duration_mutes_for_that_long_and_lists_the_member(app, make_user, minutes):
    anna, moderator = make_user(display_name="Anna Alt"), make_user(role="moderator")
    with app.app_context():
        room = get_or_create_room(kind_name="test", ref_id=1)
        mute_member(actor=db.session.get(User, moderator.id), room=room, user_id=anna.id,
                    minutes=minutes)
        db.session.commit()
        [muted] = muted_members(room.id)
    assert muted["id"] == anna.id and muted["name"] == "Anna Alt"
    expected = utcnow() + timedelta(minutes=minutes)
    assert abs(muted["until"] - expected) < timedelta(seconds=30)


@pytest.mark.parametrize("minutes", [1, 30, 99999, True, "15", None])
def test_durations_outside_the_list_are_refused(app, make_user, minutes):
    anna, moderator = make_user(), make_user(role="moderator")
    with app.app_context():
        room = get_or_create_room(kind_name="test", ref_id=1)
        with pytest.raises(ValidationError, match="Bitte wähle eine Dauer aus der Liste."):
            mute_member(actor=db.session.get(User, moderator.id), room=room, user_id=anna.id,
                        minutes=minutes)
    assert _mute_until(app, anna) is None


def test_lifting_a_mute_ends_it_and_is_logged_like_the_mute(app, make_user):
    anna, moderator = make_user(display_name="Anna Alt"), make_user(role="moderator")
    with app.app_context():
        actor = db.session.get(User, moderator.id)
        room = get_or_create_room(kind_name="test", ref_id=1)
        mute_member(actor=actor, room=room, user_id=anna.id, minutes=60)
        db.session.commit()
        unmute_member(actor=actor, room=room, user_id=anna.id)
        db.session.commit()
        assert muted_members(room.id) == []
        with pytest.raises(ValidationError, match="Anna Alt ist hier nicht stummgeschaltet."):
            unmute_member(actor=actor, room=room, user_id=anna.id)
    assert _mute_until(app, anna) is None
    [(muted, who, details), (unmuted, again, undetails)] = _audit(app)
    assert (muted, who, details["minutes"]) == ("chat.member_muted", anna.id, 60)
    assert (unmuted, again, undetails["room_id"]) == ("chat.member_unmuted", anna.id,
                                                      details["room_id"])


def test_expired_mutes_are_not_listed(app, make_user):
    anna, moderator = make_user(), make_user(role="moderator")
    with app.app_context():
        room = get_or_create_room(kind_name="test", ref_id=1)
        mute_member(actor=db.session.get(User, moderator.id), room=room, user_id=anna.id,
                    minutes=5)
        db.session.get(Mute, (room.id, anna.id)).until = utcnow() - timedelta(minutes=1)
        db.session.commit()
        assert muted_members(room.id) == []


def test_moderator_without_javascript_chooses_a_duration_and_sees_the_list(
        app, client, auth, make_user, chat_socket):
    anna_user = make_user(display_name="Anna Alt")
    anna = chat_socket(anna_user)
    anna.join("test", 1)
    _say(app, anna_user, "Kauft meine Kisten!")
    moderator = auth.login(role="moderator")
    page = client.get("/chat/test/1").get_data(as_text=True)
    assert 'action="/chat/test/1/stummschalten"' in page
    assert re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', page) == [
        ("5", "5 Min."), ("15", "15 Min."), ("60", "1 Stunde"), ("1440", "1 Tag")]
    assert NOBODY_MUTED in page
    anna.received()
    response = client.post("/chat/test/1/stummschalten",
                           data={"user_id": anna_user.id, "minutes": "60"},
                           follow_redirects=True)
    until = _mute_until(app, anna_user)
    assert abs(until - (utcnow() + timedelta(hours=1))) < timedelta(seconds=30)
    page = response.get_data(as_text=True)
    assert f"Anna Alt ist stummgeschaltet bis {_label(until)}." in page
    assert f"bis {_label(until)}</time>" in page
    assert 'action="/chat/test/1/stummschaltung-aufheben"' in page
    assert "Stummschaltung aufheben<" in page and NOBODY_MUTED not in page
    assert anna.received("chat:muted") == [{"room": anna.room, "until": until.isoformat()}]
    assert anna.send("Jetzt erst recht")["field"] == "muted"
    assert [(a, t) for a, t, _ in _audit(app)] == [("chat.member_muted", anna_user.id)]
    assert moderator.id != anna_user.id


def test_moderator_without_javascript_lifts_a_mute_early(app, client, auth, make_user,
                                                         chat_socket):
    anna_user = make_user(display_name="Anna Alt")
    anna = chat_socket(anna_user)
    anna.join("test", 1)
    auth.login(role="moderator")
    client.post("/chat/test/1/stummschalten", data={"user_id": anna_user.id, "minutes": "1440"})
    anna.received()
    response = client.post("/chat/test/1/stummschaltung-aufheben",
                           data={"user_id": anna_user.id}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Die Stummschaltung von Anna Alt ist aufgehoben." in page
    assert NOBODY_MUTED in page
    assert anna.received("chat:muted") == [{"room": anna.room, "until": None}]
    assert anna.send("Wieder da")["ok"] is True
    assert [a for a, _, _ in _audit(app)] == ["chat.member_muted", "chat.member_unmuted"]
    again = client.post("/chat/test/1/stummschaltung-aufheben",
                        data={"user_id": anna_user.id}, follow_redirects=True)
    assert "Anna Alt ist hier nicht stummgeschaltet." in again.get_data(as_text=True)


def test_bad_form_input_gets_a_german_message_not_an_error_page(app, client, auth, make_user):
    anna = make_user()
    auth.login(role="moderator")
    for data, message in (({"user_id": anna.id, "minutes": "7"},
                           "Bitte wähle eine Dauer aus der Liste."),
                          ({"user_id": "x", "minutes": "15"}, "Diese Person gibt es nicht."),
                          ({}, "Bitte wähle eine Dauer aus der Liste.")):
        response = client.post("/chat/test/1/stummschalten", data=data, follow_redirects=True)
        assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert _mute_until(app, anna) is None


def test_zero_minutes_posted_to_the_mute_form_lifts_the_mute(app, client, auth, make_user):
    anna = make_user(display_name="Anna Alt")
    auth.login(role="moderator")
    client.post("/chat/test/1/stummschalten", data={"user_id": anna.id, "minutes": "15"})
    response = client.post("/chat/test/1/stummschalten", data={"user_id": anna.id, "minutes": "0"},
                           follow_redirects=True)
    assert "Die Stummschaltung von Anna Alt ist aufgehoben." in response.get_data(as_text=True)
    assert _mute_until(app, anna) is None


def test_members_neither_see_nor_use_the_mute_forms(app, client, auth, make_user):
    anna = make_user(display_name="Anna Alt")
    _say(app, anna, "Hallo")
    auth.login()
    page = client.get("/chat/test/1").get_data(as_text=True)
    assert "chat-mute-form" not in page and "data-chat-mutes" not in page
    for url in ("/chat/test/1/stummschalten", "/chat/test/1/stummschaltung-aufheben"):
        response = client.post(url, data={"user_id": anna.id, "minutes": "15"})
        assert response.status_code == 403
    assert _mute_until(app, anna) is None and _audit(app) == []


def test_muted_member_sees_until_when_on_the_page(app, client, auth, make_user):
    me = auth.login()
    moderator = make_user(role="moderator")
    with app.app_context():
        room = get_or_create_room(kind_name="test", ref_id=1)
        mute_member(actor=db.session.get(User, moderator.id), room=room, user_id=me.id,
                    minutes=15)
        db.session.commit()
    until = _mute_until(app, me)
    page = client.get("/chat/test/1").get_data(as_text=True)
    notice = re.search(r"data-chat-muted>Du bist in diesem Chatraum stummgeschaltet bis ([^<]+)<",
                       page)
    assert notice and _hhmm(until) in notice.group(1)
    response = client.post("/chat/test/1/senden", data={"body": "Hallo?",
                                                        "client_id": str(uuid.uuid4())})
    assert "vorübergehend stummgeschaltet" in response.get_data(as_text=True)


def test_moderators_get_the_mute_list_live_and_members_do_not(app, make_user, chat_socket):
    anna_user = make_user(display_name="Anna Alt")
    anna, bernd = chat_socket(anna_user), chat_socket(make_user())
    moderator, colleague = (chat_socket(make_user(role="moderator")) for _ in range(2))
    for chat in (anna, bernd, moderator, colleague):
        assert chat.join("test", 1)["muted"] == []
    for chat in (anna, bernd, colleague):
        chat.received()
    answer = moderator.emit("chat:mute", room=moderator.room, user=anna_user.id, minutes=5)
    expected = [{"id": anna_user.id, "name": "Anna Alt", "until": answer["until"]}]
    assert colleague.received("chat:mutes") == [{"room": colleague.room, "muted": expected}]
    assert chat_socket(make_user(role="moderator")).join("test", 1)["muted"] == expected
    assert bernd.received("chat:mutes") == [] and anna.received("chat:mutes") == []
    assert moderator.emit("chat:mute", room=moderator.room, user=anna_user.id,
                          minutes=0) == {"ok": True, "until": None}
    assert colleague.received("chat:mutes") == [{"room": colleague.room, "muted": []}]


def test_moderators_page_costs_the_same_queries_for_one_or_many_mutes(
        app, client, auth, make_user, count_queries):
    moderator = auth.login(role="moderator")
    people = [make_user() for _ in range(6)]
    for person in people:
        _say(app, person)

    def mute(users):
        with app.app_context():
            room = get_or_create_room(kind_name="test", ref_id=1)
            for user in users:
                mute_member(actor=db.session.get(User, moderator.id), room=room,
                            user_id=user.id, minutes=15)
            db.session.commit()

    mute(people[:1])
    with count_queries() as one:
        client.get("/chat/test/1")
    mute(people[1:])
    with count_queries() as many:
        page = client.get("/chat/test/1").get_data(as_text=True)
    assert page.count('data-chat-unmute="') == 6
    assert len(many) == len(one)
