"""`flask send-digests`: one digest per user and day, grouped, idempotent, resumable."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications import digest
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.models import DigestRun, EmailStatus, Notification
from alumni_hub.notifications.preferences import unsubscribe
from alumni_hub.notifications.sections import (DigestItem, register_digest_section,
                                               unregister_digest_section)


class Crash(BaseException):
    """Stands for the process being killed: nothing in the digest code catches it."""


def _run(app, now=None):
    with app.app_context():
        return digest.send_digests(now=now)


def test_digest_groups_unread_notifications_and_is_sent_once(app, runner, make_user,
                                                             send_notification, outbox,
                                                             notifications_of):
    user, actor = make_user(display_name="Dora Digest"), make_user(display_name="Max Mint")
    for _ in range(3):
        send_notification(Kind.REPLY, [user], actor=actor, group_key="thread:5",
                          params={"title": "MINT-Mobil"})
    send_notification(Kind.RECAP_PUBLISHED, [user], params={"title": "Treffen im März"})
    result = runner.invoke(args=["send-digests"])
    assert "1 gesendet" in result.output and result.exit_code == 0
    [mail] = outbox(to=user.email)
    assert mail.subject == "Alumni Hub: dein Tages-Überblick"
    assert ("Max Mint hat auf deinen Beitrag in „MINT-Mobil“ geantwortet (und 2 weitere)"
            in mail.text_body)
    assert "Das Protokoll zu „Treffen im März“ ist online" in mail.html_body
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert {n.email_status for n in notifications_of(user)} == {"digested"}
    assert "0 gesendet" in runner.invoke(args=["send-digests"]).output
    assert len(outbox()) == 1


def test_notifications_read_in_the_app_are_not_mailed_again(app, client, auth,
                                                            send_notification, outbox):
    me = auth.login()
    send_notification(Kind.REPLY, [me])
    client.post("/benachrichtigungen/alle-gelesen")
    assert _run(app) == {"empty": 1}
    assert outbox() == []


def test_users_without_digest_items_get_no_mail(app, make_user, send_notification, outbox):
    make_user()
    send_notification(Kind.MENTION, [make_user()], actor=make_user())  # mailed right away
    assert "sent" not in _run(app)
    assert len(outbox()) == 1


def test_crash_halfway_resumes_without_duplicates(app, make_user, send_notification, outbox,
                                                  monkeypatch):
    users = [make_user() for _ in range(5)]
    send_notification(Kind.REPLY, users)
    real_send, calls = digest.send_digest_email, []

    def crash_on_third(user, **kwargs):
        calls.append(user.id)
        if len(calls) == 3:
            raise Crash()
        real_send(user, **kwargs)

    monkeypatch.setattr(digest, "send_digest_email", crash_on_third)
    now = utcnow()
    with pytest.raises(Crash):
        _run(app, now)
    assert [m.recipient for m in outbox()] == [u.email for u in users[:2]]
    monkeypatch.setattr(digest, "send_digest_email", real_send)
    # The crashed claim is still leased: a run right away leaves it (and those done) alone …
    assert _run(app, now) == {"skipped": 3, "sent": 2}
    # … and a later run (same day) takes it over once the lease has expired.
    assert _run(app, now + digest.CLAIM_LEASE + timedelta(minutes=1)) == {"skipped": 4,
                                                                           "sent": 1}
    assert sorted(m.recipient for m in outbox()) == sorted(u.email for u in users)


def test_failed_send_is_retried_by_the_next_run(app, make_user, send_notification, outbox,
                                                monkeypatch):
    user = make_user()
    send_notification(Kind.REPLY, [user])

    def smtp_down(user, **kwargs):
        raise OSError("SMTP nicht erreichbar")

    monkeypatch.setattr(digest, "send_digest_email", smtp_down)
    assert _run(app) == {"failed": 1}
    monkeypatch.undo()
    assert _run(app) == {"sent": 1}
    assert len(outbox(to=user.email)) == 1


def test_one_run_row_per_user_and_day(app, make_user, send_notification):
    user = make_user()
    send_notification(Kind.REPLY, [user])
    _run(app)
    _run(app)
    with app.app_context():
        runs = db.session.scalars(select(DigestRun)).all()
    assert [(r.user_id, r.status, r.item_count) for r in runs] == [(user.id, "sent", 1)]


@pytest.fixture
def tips_section():
    @register_digest_section(title="Neue Tipps im Wiki")
    def new_tips(user, since):
        return [DigestItem(title="Experimentierkisten", url="/wiki/experimentierkisten",
                           text=f"für {user.display_name}"),
                ("Praktikumswoche", "/wiki/praktikumswoche", "")]

    yield new_tips
    unregister_digest_section(new_tips)


def test_feature_sections_appear_in_the_digest(app, make_user, outbox, tips_section):
    user = make_user(display_name="Sina Sektion")
    assert _run(app) == {"sent": 1}
    [mail] = outbox(to=user.email)
    assert "Neue Tipps im Wiki" in mail.text_body
    assert "Experimentierkisten – für Sina Sektion" in mail.text_body
    assert "http://127.0.0.1:5000/wiki/praktikumswoche" in mail.html_body


def test_broken_section_does_not_stop_the_digest(app, make_user, send_notification, outbox):
    @register_digest_section
    def broken(user, since):
        raise RuntimeError("kaputt")

    try:
        send_notification(Kind.REPLY, [make_user()])
        assert _run(app) == {"sent": 1}
    finally:
        unregister_digest_section(broken)


def test_unsubscribed_user_gets_no_section_only_digest(app, make_user, outbox, tips_section):
    user = make_user()
    with app.app_context():
        assert Kind.REPLY in unsubscribe(user_id=user.id, kind="digest")
        db.session.commit()
    assert _run(app) == {"empty": 1}
    assert outbox() == []


def test_grouped_digest_line_marks_the_whole_group_read(app, client, auth, make_user,
                                                        send_notification, outbox,
                                                        notifications_of):
    me, actor = auth.login(), make_user(display_name="Max Mint")
    for _ in range(3):
        send_notification(Kind.REPLY, [me], actor=actor, group_key="thread:5",
                          url="/foren/thema/5#post-9")
    send_notification(Kind.RECAP_PUBLISHED, [me], group_key="meeting:1")
    _run(app)
    [mail] = outbox(to=me.email)
    grouped = re.search(r'href="http://127.0.0.1:5000(/[^"]*gruppe=1)"', mail.html_body).group(1)
    single = re.findall(r'href="http://127.0.0.1:5000(/benachrichtigungen/\d+/oeffnen)"',
                        mail.html_body)
    assert len(single) == 1  # the one-notification line marks only itself read
    response = client.get(grouped.replace("&amp;", "&"))
    assert response.headers["Location"] == "/foren/thema/5#post-9"
    reads = [n.read_at is not None for n in notifications_of(me)]
    assert reads == [True, True, True, False]
