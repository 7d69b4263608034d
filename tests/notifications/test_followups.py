"""Follow-ups of "right away" mail: one combined mail after the window, never a digest."""
from datetime import timedelta

from sqlalchemy import update

from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications import digest, followups
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.models import EmailStatus, Notification
from alumni_hub.notifications.preferences import unsubscribe

LATER = timedelta(minutes=11)


def _followups(app, now=None):
    with app.app_context():
        return followups.send_followups(now=now or utcnow() + LATER)


def _no_digest_user(app, make_user):
    user = make_user()
    with app.app_context():
        unsubscribe(user_id=user.id, kind="digest")
        db.session.commit()
    return user


def _age_all(app, delta=LATER):
    with app.app_context():
        db.session.execute(update(Notification).values(created_at=utcnow() - delta))
        db.session.commit()


def test_user_without_digest_gets_followups_as_one_mail_not_a_digest(
        app, make_user, send_notification, outbox, notifications_of):
    user, actor = _no_digest_user(app, make_user), make_user(display_name="Max Mint")
    for _ in range(3):
        send_notification(Kind.MENTION, [user], actor=actor, group_key="thread:7",
                          params={"title": "MINT-Mobil"})
    with app.app_context():
        digest.send_digests()
    assert [m.subject for m in outbox(to=user.email)] == [
        "Alumni Hub: Max Mint hat dich in „MINT-Mobil“ erwähnt"]
    assert _followups(app, utcnow()) == {}  # still within the window
    assert _followups(app) == {"sent": 1}
    first, combined = outbox(to=user.email)
    assert combined.subject == "Alumni Hub: Neues zu deinen Themen"
    assert "Max Mint hat dich in „MINT-Mobil“ erwähnt (und 1 weitere)" in combined.text_body
    assert "Tages-Überblick" not in combined.text_body
    assert combined.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert [n.email_status for n in notifications_of(user)] == ["sent"] * 3
    assert [n.read_at for n in notifications_of(user)] == [None] * 3  # still in the inbox
    assert _followups(app) == {}
    assert len(outbox(to=user.email)) == 2


def test_single_followup_is_mailed_like_a_right_away_notification(app, make_user,
                                                                  send_notification, outbox):
    user, actor = make_user(), make_user(display_name="Max Mint")
    for _ in range(2):
        send_notification(Kind.MENTION, [user], actor=actor, group_key="thread:7")
    assert _followups(app) == {"sent": 1}
    assert [m.subject for m in outbox(to=user.email)] == [
        "Alumni Hub: Max Mint hat dich in „MINT-Mobil“ erwähnt"] * 2


def test_followups_read_in_the_app_meanwhile_are_not_mailed(app, client, auth,
                                                            send_notification, make_user,
                                                            outbox, notifications_of):
    user = auth.login()
    for _ in range(3):
        send_notification(Kind.MENTION, [user], actor=make_user(), group_key="thread:7")
    client.post("/benachrichtigungen/alle-gelesen")
    assert _followups(app) == {"empty": 1}
    assert len(outbox(to=user.email)) == 1
    assert [n.email_status for n in notifications_of(user)] == ["sent", "none", "none"]


def test_failed_right_away_mail_is_retried_by_send_pending_not_the_digest(
        app, runner, make_user, send_notification, outbox, notifications_of):
    user = _no_digest_user(app, make_user)
    send_notification(Kind.MENTION, [user], actor=make_user())
    with app.app_context():  # as if SMTP had been down when it was created
        db.session.execute(update(Notification).values(email_status=EmailStatus.PENDING.value))
        db.session.commit()
    _age_all(app)
    with app.app_context():
        assert "sent" not in digest.send_digests()
    result = runner.invoke(args=["send-pending"])
    assert "Sammel-E-Mails: 1 gesendet" in result.output and result.exit_code == 0
    assert len(outbox(to=user.email)) == 2
    assert notifications_of(user)[0].email_status == "sent"


def test_send_digests_command_also_sends_due_followups(app, runner, make_user,
                                                       send_notification, outbox):
    user = _no_digest_user(app, make_user)
    for _ in range(3):
        send_notification(Kind.MENTION, [user], actor=make_user(), group_key="thread:7")
    _age_all(app)
    result = runner.invoke(args=["send-digests"])
    assert "Sammel-E-Mails: 1 gesendet" in result.output and result.exit_code == 0
    assert [m.subject for m in outbox(to=user.email)][-1] == "Alumni Hub: Neues zu deinen Themen"


def test_failed_followup_mail_is_retried_without_duplicates(app, make_user, send_notification,
                                                            outbox, monkeypatch):
    user = make_user()
    for _ in range(3):
        send_notification(Kind.MENTION, [user], actor=make_user(), group_key="thread:7")

    def smtp_down(user, **kwargs):
        raise OSError("SMTP nicht erreichbar")

    monkeypatch.setattr(followups, "send_followup_email", smtp_down)
    assert _followups(app) == {"failed": 1}
    monkeypatch.undo()
    assert _followups(app) == {"sent": 1}
    assert _followups(app) == {}
    assert len(outbox(to=user.email)) == 2
