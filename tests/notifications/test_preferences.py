"""Preferences page: one radio group per kind, defaults shown, choices stored."""
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Delivery, Kind, available_kinds, default_delivery
from alumni_hub.notifications.models import NotificationPreference


def test_preferences_page_shows_each_kind_of_the_installed_features_with_its_default(
        app, client, auth):
    auth.login()
    page = client.get("/benachrichtigungen/einstellungen").get_data(as_text=True)
    for label in ("Foren", "Wiki", "Erwähnungen", "Änderungen an beobachteten Wiki-Seiten",
                  "Sofort per E-Mail", "Nur in der App", "Aus"):
        assert label in page
    shown = available_kinds(app.blueprints)
    assert shown == list(Kind)  # every feature that sends notifications is installed
    assert page.count('type="radio"') == 4 * len(shown)
    assert "Erwähnungen im Chat" in page
    assert 'checked id="mention-1" name="mention" type="radio" value="immediate"' in page
    assert 'checked id="reply-2" name="reply" type="radio" value="digest"' in page


def test_kinds_of_features_that_are_not_installed_are_not_offered():
    shown = available_kinds({"boards", "wiki"})
    assert Kind.MENTION in shown and Kind.WIKI_CHANGED in shown
    assert Kind.MEETING_SCHEDULED not in shown and Kind.BUDDY_REQUEST not in shown


def _form(**changes):
    data = {kind.value: default_delivery(kind).value for kind in Kind}
    data.update(changes)
    return data


def test_saving_stores_only_choices_that_differ_from_the_default(app, client, auth):
    me = auth.login()
    response = client.post("/benachrichtigungen/einstellungen", follow_redirects=True,
                           data=_form(reply="off", mention="app"))
    assert "Deine Benachrichtigungs-Einstellungen sind gespeichert." in response.get_data(
        as_text=True)
    with app.app_context():
        stored = dict(db.session.execute(select(NotificationPreference.kind,
                                                NotificationPreference.delivery).where(
            NotificationPreference.user_id == me.id)).all())
    assert stored == {"reply": "off", "mention": "app"}
    page = client.get("/benachrichtigungen/einstellungen").get_data(as_text=True)
    assert 'checked id="reply-3" name="reply" type="radio" value="off"' in page


def test_invalid_choice_is_rejected_with_the_form_kept(client, auth):
    auth.login()
    response = client.post("/benachrichtigungen/einstellungen",
                           data=_form(reply="fax", mention="app"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "field-error" in page
    assert 'checked id="mention-0" name="mention" type="radio" value="app"' in page


def test_preferences_page_says_which_kind_switches_each_digest_section(client, auth):
    auth.login()
    page = client.get("/benachrichtigungen/einstellungen").get_data(as_text=True)
    assert ("„Neue Tipps“, solange „Neues in beobachteten Kategorien“ auf „Im täglichen "
            "Überblick per E-Mail“ steht") in page
    assert "„Geänderte Wiki-Seiten“, solange „Änderungen an beobachteten Wiki-Seiten“" in page
