"""Chat messages in search: meeting rooms for every member, a pair's room only for the two,
deleted messages never."""
import uuid
from datetime import timedelta

from alumni_hub.accounts.models import User
from alumni_hub.chat.models import Message
from alumni_hub.chat.rooms import room_kind
from alumni_hub.chat.services.messages import get_or_create_room, send_message
from alumni_hub.chat.services.moderating import delete_message, purge_expired
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting


def _say(app, user, kind, ref_id, body):
    with app.app_context():
        room = get_or_create_room(kind_name=kind, ref_id=ref_id)
        message, _created = send_message(user=db.session.get(User, user.id), room=room,
                                         kind=room_kind(kind), client_id=str(uuid.uuid4()),
                                         body=body)
        db.session.commit()
        return message.id


def _running_meeting(app, make_meeting, title):
    meeting = make_meeting(title=title)
    with app.app_context():
        stored = db.session.get(Meeting, meeting.id)
        stored.starts_at = utcnow() - timedelta(minutes=10)
        stored.ends_at = utcnow() + timedelta(hours=1)
        db.session.commit()
    return meeting


def test_a_meeting_room_message_is_found_by_every_member(app, auth, make_user, make_meeting,
                                                         search_titles):
    meeting = _running_meeting(app, make_meeting, "Stammtisch Nord")
    _say(app, make_user(), "meeting", meeting.id, "Die Zuckerrübenkampagne startet bald")
    auth.login()
    assert search_titles("Zuckerrübenkampagne") == ["Stammtisch Nord"]


def test_a_pair_room_message_is_found_only_by_the_two(app, auth, make_user, make_buddy_pair,
                                                      search_titles):
    pair = make_buddy_pair()
    _say(app, pair.buddy, "pair", pair.id, "Mein Geheimtipp: Förderfibel")
    auth.login(pair.newcomer)
    assert search_titles("Förderfibel") == ["Bea Buddy und Nele Neu"]
    for outsider in (make_user(), make_user(role="moderator"), make_user(role="admin")):
        auth.logout()
        auth.login(outsider)
        assert search_titles("Förderfibel") == []


def test_a_deleted_message_is_not_found(app, auth, make_user, make_meeting, search_titles):
    meeting = _running_meeting(app, make_meeting, "Stammtisch Süd")
    message_id = _say(app, make_user(), "meeting", meeting.id, "Ein Quatschwort Blubberfisch")
    moderator = make_user(role="moderator")
    with app.app_context():
        delete_message(actor=db.session.get(User, moderator.id),
                       message=db.session.get(Message, message_id))
        db.session.commit()
    auth.login(moderator)
    assert search_titles("Blubberfisch") == []


def test_messages_purged_after_the_retention_time_are_not_found(app, auth, make_user,
                                                                make_meeting, search_titles):
    meeting = _running_meeting(app, make_meeting, "Stammtisch West")
    _say(app, make_user(), "meeting", meeting.id, "Altes Wort Kartoffeldruck")
    auth.login()
    assert search_titles("Kartoffeldruck") == ["Stammtisch West"]
    with app.app_context():
        purge_expired(days=1, now=utcnow() + timedelta(days=2))
        db.session.commit()
    assert search_titles("Kartoffeldruck") == []
