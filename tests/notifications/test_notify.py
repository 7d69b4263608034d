"""notify(): who gets a notification, and which of them get an email right away."""
from datetime import timedelta

import pytest
from sqlalchemy import update

from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Delivery, Kind, default_delivery
from alumni_hub.notifications.models import Notification
from alumni_hub.notifications.preferences import set_deliveries
from alumni_hub.notifications.services import notify


def _prefer(app, user, kind, delivery):
    with app.app_context():
        set_deliveries(user_id=user.id, deliveries={kind: delivery})
        db.session.commit()


@pytest.mark.parametrize("kind", list(Kind))
def test_each_kind_reaches_recipients_but_not_the_actor(make_user, send_notification,
                                                        notifications_of, kind):
    actor, anna, bernd = make_user(), make_user(), make_user()
    send_notification(kind, [anna, bernd, actor, anna], actor=actor, url="/ziel/7")
    for user in (anna, bernd):
        [note] = notifications_of(user)
        assert (note.kind, note.url, note.read_at) == (kind.value, "/ziel/7", None)
    assert notifications_of(actor) == []


def test_deactivated_member_gets_nothing(make_user, send_notification, notifications_of):
    gone = make_user(active=False)
    send_notification(Kind.MENTION, [gone], actor=make_user())
    assert notifications_of(gone) == []


def test_off_means_no_notification_at_all(app, make_user, send_notification, notifications_of,
                                          outbox):
    user = make_user()
    _prefer(app, user, Kind.MENTION, Delivery.OFF)
    send_notification(Kind.MENTION, [user], actor=make_user())
    assert notifications_of(user) == [] and outbox() == []


def test_app_only_keeps_the_notification_but_sends_no_mail(app, make_user, send_notification,
                                                           notifications_of, outbox):
    user = make_user()
    _prefer(app, user, Kind.MENTION, Delivery.APP)
    send_notification(Kind.MENTION, [user], actor=make_user())
    [note] = notifications_of(user)
    assert note.email_status == "none" and outbox() == []


def test_mention_is_emailed_right_away_in_german_with_unsubscribe_headers(
        make_user, send_notification, notifications_of, outbox):
    user = make_user(display_name="Hanna Hofmann")
    send_notification(Kind.MENTION, [user], actor=make_user(display_name="Kai Krüger"),
                      params={"title": "Praktikumswoche"})
    [mail] = outbox(to=user.email)
    assert mail.subject == "Alumni Hub: Kai Krüger hat dich in „Praktikumswoche“ erwähnt"
    assert "Hallo Hanna Hofmann," in mail.text_body and "Hallo Hanna Hofmann," in mail.html_body
    [note] = notifications_of(user)
    assert f"/benachrichtigungen/{note.id}/oeffnen" in mail.text_body
    assert mail.text_body.count("http://127.0.0.1:5000/benachrichtigungen/abbestellen/") == 1
    assert mail.headers["List-Unsubscribe"].startswith(
        "<http://127.0.0.1:5000/benachrichtigungen/abbestellen/")
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert note.email_status == "sent" and note.emailed_at is not None


def test_digest_kinds_wait_for_the_digest(make_user, send_notification, notifications_of,
                                          outbox):
    assert default_delivery(Kind.REPLY) == Delivery.DIGEST
    user = make_user()
    send_notification(Kind.REPLY, [user], actor=make_user())
    assert [n.email_status for n in notifications_of(user)] == ["digest"]
    assert outbox() == []


def test_same_thread_within_minutes_is_one_mail_not_many(make_user, send_notification,
                                                         notifications_of, outbox):
    user, actor = make_user(), make_user()
    for _ in range(3):
        send_notification(Kind.MENTION, [user], actor=actor, group_key="thread:42")
    send_notification(Kind.BUDDY_REQUEST, [user], actor=actor, group_key="buddy:1")
    assert len(outbox(to=user.email)) == 2
    assert [n.email_status for n in notifications_of(user)] == ["sent", "grouped", "grouped",
                                                                 "sent"]


def test_same_thread_after_the_window_is_mailed_again(app, make_user, send_notification,
                                                      outbox):
    user, actor = make_user(), make_user()
    send_notification(Kind.MENTION, [user], actor=actor, group_key="thread:42")
    with app.app_context():
        db.session.execute(update(Notification).values(
            created_at=utcnow() - timedelta(minutes=11)))
        db.session.commit()
    send_notification(Kind.MENTION, [user], actor=actor, group_key="thread:42")
    assert len(outbox(to=user.email)) == 2


def test_rolled_back_action_sends_no_mail(app, make_user, notifications_of, outbox):
    user, actor = make_user(), make_user()
    with app.app_context():
        notify(kind=Kind.MENTION, recipients=[db.session.get(type(user), user.id)], url="/x",
               actor=db.session.get(type(actor), actor.id), params={"title": "T"})
        db.session.rollback()
        db.session.commit()
    assert notifications_of(user) == [] and outbox() == []


def test_missing_text_parameter_does_not_break_the_sentence(make_user, send_notification,
                                                            client, auth):
    user = auth.login()
    send_notification(Kind.WATCHED_CATEGORY, [user], params={"title": "Förderprogramme"})
    page = client.get("/benachrichtigungen/").get_data(as_text=True)
    assert "Neues in der Kategorie „…“: „Förderprogramme“" in page


def test_mail_failure_keeps_the_action_and_leaves_the_mail_pending(
        make_user, send_notification, notifications_of, outbox, monkeypatch):
    from alumni_hub.notifications import dispatch  # noqa: PLC0415

    def smtp_down(note, user):
        raise OSError("SMTP nicht erreichbar")

    monkeypatch.setattr(dispatch, "send_notification_email", smtp_down)
    user = make_user()
    send_notification(Kind.MENTION, [user], actor=make_user())
    [note] = notifications_of(user)
    assert note.email_status == "pending" and outbox() == []


def test_mail_is_written_in_the_recipients_language(make_user, send_notification, outbox):
    user = make_user(locale="en")
    send_notification(Kind.BUDDY_REQUEST, [user], actor=make_user())
    [mail] = outbox(to=user.email)
    assert '<html lang="en">' in mail.html_body
