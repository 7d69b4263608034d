"""Registering from an invitation: validation next to the fields, account + profile, login."""
import pytest
from flask import url_for
from sqlalchemy import select

from alumni_hub.accounts.models import Invitation, User
from alumni_hub.extensions import db
from alumni_hub.members.models import Profile
from tests.accounts.builders import STRONG_PASSWORD


def _form(**overrides):
    data = {"display_name": "Greta Gründlich", "password": STRONG_PASSWORD,
            "password_confirm": STRONG_PASSWORD, "locale": "de", "listed_in_directory": "nein"}
    data.update(overrides)
    return data


def _users(app):
    with app.app_context():
        return db.session.scalars(select(User)).all()


def test_registration_creates_user_and_profile_and_logs_in(app, client, make_invitation):
    token = make_invitation(email="greta@example.org", role="moderator")
    response = client.post(f"/konto/einladung/{token}",
                           data=_form(show_email="y", locale="en"))
    assert response.status_code == 302
    with app.test_request_context():
        target = ("members.edit_profile" if "members.edit_profile" in app.view_functions
                  else "pages.home")
        assert response.headers["Location"] == url_for(target)
    assert "Greta Gründlich" in client.get("/").get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(select(User))
        assert (user.email, user.role, user.locale) == ("greta@example.org", "moderator", "en")
        profile = db.session.get(Profile, user.id)
        assert profile.listed_in_directory is False and profile.show_email is True
        invitation = db.session.scalar(select(Invitation))
        assert invitation.used_at is not None and invitation.used_by_id == user.id


def test_directory_listing_is_asked_as_a_choice_with_nothing_preselected(client, make_invitation):
    page = client.get(f"/konto/einladung/{make_invitation()}").get_data(as_text=True)
    assert "Möchtest du im Mitgliederverzeichnis und auf der Karte erscheinen?" in page
    assert page.count('type="radio"') == 2 and 'name="listed_in_directory"' in page
    assert "E-Mail-Adresse für Mitglieder sichtbar" in page
    assert "checked" not in page


def test_registration_without_the_directory_choice_asks_for_it(app, client, make_invitation):
    data = _form()
    del data["listed_in_directory"]
    page = client.post(f"/konto/einladung/{make_invitation()}", data=data).get_data(as_text=True)
    assert "Bitte wähle, ob du im Verzeichnis erscheinen möchtest." in page
    assert _users(app) == []


def test_registration_shows_every_error_at_once(app, client, make_invitation):
    page = client.post(f"/konto/einladung/{make_invitation()}", data=_form(
        display_name="G", password="kurz", password_confirm="anders")).get_data(as_text=True)
    assert "mindestens" in page and "stimmen nicht überein" in page
    assert "2 bis 80 Zeichen" in page
    assert 'value="G"' in page  # what was typed stays


def test_listing_in_directory_is_stored_when_ticked(app, client, make_invitation):
    client.post(f"/konto/einladung/{make_invitation()}", data=_form(listed_in_directory="ja"))
    with app.app_context():
        assert db.session.scalar(select(Profile.listed_in_directory)) is True


def test_invitation_link_works_only_once(app, client, make_invitation):
    token = make_invitation()
    client.post(f"/konto/einladung/{token}", data=_form())
    client.post("/konto/abmelden")
    response = client.post(f"/konto/einladung/{token}", data=_form(display_name="Zweiter"))
    assert response.status_code == 410
    assert len(_users(app)) == 1


@pytest.mark.parametrize(("password", "message"), [
    ("kurz123", "mindestens 10 Zeichen"),
    ("passwort123", "zu verbreitet"),
    ("Hallo12345", "zu verbreitet"),
    ("1234567890", "zu verbreitet"),
    ("neu-mitglied", "nicht deiner E-Mail-Adresse"),
])
def test_weak_password_is_refused_next_to_the_field(app, client, make_invitation,
                                                    password, message):
    token = make_invitation(email="neu-mitglied@example.org")
    page = client.post(f"/konto/einladung/{token}", data=_form(
        password=password, password_confirm=password)).get_data(as_text=True)
    assert message in page
    assert 'id="password-help" class="field-error"' in page
    assert 'value="Greta Gründlich"' in page  # the name is kept
    assert _users(app) == []


def test_password_mismatch_is_shown_at_the_confirmation(app, client, make_invitation):
    page = client.post(f"/konto/einladung/{make_invitation()}", data=_form(
        password_confirm="etwas-ganz-anderes")).get_data(as_text=True)
    assert 'id="password_confirm-help" class="field-error"' in page
    assert "Die beiden Passwörter stimmen nicht überein." in page
    assert 'value="Greta Gründlich"' in page
    assert _users(app) == []


def test_missing_display_name_is_shown_at_the_field(app, client, make_invitation):
    page = client.post(f"/konto/einladung/{make_invitation()}",
                       data=_form(display_name=" ")).get_data(as_text=True)
    assert "Bitte gib deinen Namen ein." in page and _users(app) == []


def test_invitation_for_an_address_registered_meanwhile_explains_itself(
        app, client, make_invitation, make_user):
    token = make_invitation(email="doppelt@example.org")
    make_user(email="doppelt@example.org")
    page = client.post(f"/konto/einladung/{token}", data=_form()).get_data(as_text=True)
    assert "Für diese E-Mail-Adresse gibt es schon ein Konto." in page
    assert len(_users(app)) == 1


def test_registration_preselects_the_language_the_page_is_read_in(client, make_invitation):
    page = client.get(f"/konto/einladung/{make_invitation()}",
                      headers={"Accept-Language": "en-US,en;q=0.8"}).get_data(as_text=True)
    assert '<option selected value="en">English</option>' in page
