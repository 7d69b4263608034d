"""One-click unsubscribe: signed per-kind link, works without login and without CSRF token."""
import re

import pytest

from alumni_hub.extensions import db
from alumni_hub.notifications.emails import unsubscribe_token
from alumni_hub.notifications.kinds import Delivery, Kind
from alumni_hub.notifications.preferences import user_deliveries


def _link_from_mail(mail) -> str:
    url = re.search(r"<(http[^>]+)>", mail.headers["List-Unsubscribe"]).group(1)
    return url.replace("http://127.0.0.1:5000", "")


def _deliveries(app, user):
    with app.app_context():
        return user_deliveries(user_id=user.id)


@pytest.fixture
def csrf_on(app, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)


def test_mail_link_shows_german_confirmation_without_login(client, make_user, send_notification,
                                                           outbox):
    user = make_user()
    send_notification(Kind.MENTION, [user], actor=make_user())
    page = client.get(_link_from_mail(outbox(to=user.email)[0])).get_data(as_text=True)
    assert "Möchtest du keine E-Mails mehr für Erwähnungen bekommen?" in page
    assert "Ja, abbestellen" in page


def test_one_click_post_without_login_or_csrf_switches_kind_to_app(
        app, client, make_user, send_notification, outbox, notifications_of, csrf_on):
    user, actor = make_user(), make_user()
    send_notification(Kind.MENTION, [user], actor=actor)
    response = client.post(_link_from_mail(outbox(to=user.email)[0]),
                           data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Erledigt: Du bekommst keine E-Mails mehr für Erwähnungen." in response.get_data(
        as_text=True)
    assert _deliveries(app, user)[Kind.MENTION] == Delivery.APP
    send_notification(Kind.MENTION, [user], actor=actor, group_key="thread:9")
    assert len(outbox(to=user.email)) == 1
    assert len(notifications_of(user)) == 2  # still in the app


def test_other_forms_still_need_csrf(app, client, auth, monkeypatch):
    auth.login()
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    assert client.post("/benachrichtigungen/alle-gelesen").status_code == 400


@pytest.mark.parametrize("token", ["kaputt", "eyJ1IjoxLCJrIjoibWVudGlvbiJ9.falsch"])
def test_tampered_token_shows_clear_german_page(client, token):
    response = client.post(f"/benachrichtigungen/abbestellen/{token}")
    assert response.status_code == 400
    assert "Dieser Abmelde-Link ist ungültig oder unvollständig." in response.get_data(
        as_text=True)


def test_token_signed_with_another_purpose_is_rejected(app, client, make_user):
    user = make_user()
    with app.app_context():
        from itsdangerous import URLSafeSerializer  # noqa: PLC0415

        forged = URLSafeSerializer(app.config["SECRET_KEY"], salt="other").dumps(
            {"u": user.id, "k": "mention"})
    assert client.post(f"/benachrichtigungen/abbestellen/{forged}").status_code == 400
    assert _deliveries(app, user)[Kind.MENTION] == Delivery.IMMEDIATE


def test_digest_link_moves_every_digest_kind_to_app(app, client, make_user, send_notification,
                                                    notifications_of):
    user = make_user()
    send_notification(Kind.REPLY, [user])
    with app.app_context():
        token = unsubscribe_token(user_id=user.id, kind="digest")
    page = client.post(f"/benachrichtigungen/abbestellen/{token}").get_data(as_text=True)
    assert "den täglichen Überblick" in page
    deliveries = _deliveries(app, user)
    assert deliveries[Kind.REPLY] == deliveries[Kind.RECAP_PUBLISHED] == Delivery.APP
    assert deliveries[Kind.MENTION] == Delivery.IMMEDIATE
    assert notifications_of(user)[0].email_status == "none"


def test_token_of_deleted_user_is_not_a_500(app, client, make_user):
    user = make_user()
    with app.app_context():
        token = unsubscribe_token(user_id=user.id, kind="mention")
        db.session.delete(db.session.get(type(user), user.id))
        db.session.commit()
    assert client.get(f"/benachrichtigungen/abbestellen/{token}").status_code == 400


def test_unsubscribe_page_speaks_the_language_of_the_mails_owner(app, client, make_user):
    user = make_user(locale="en")
    with app.app_context():
        token = unsubscribe_token(user_id=user.id, kind="mention")
    page = client.get(f"/benachrichtigungen/abbestellen/{token}").get_data(as_text=True)
    assert '<html lang="en"' in page
    assert "Unsubscribe from emails" in page and "Yes, unsubscribe" in page
    assert "Mentions" in page and "Möchtest du" not in page
    done = client.post(f"/benachrichtigungen/abbestellen/{token}").get_data(as_text=True)
    assert "Erledigt" not in done and "Mentions" in done
    assert _deliveries(app, user)[Kind.MENTION] == Delivery.APP
