"""A language picked with the switch before registering is the one the new member keeps,
as at login (tests/accounts/test_login_language.py)."""
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from tests.accounts.builders import STRONG_PASSWORD
from tests.conftest import AuthActions


def _register(client, token, **fields):
    data = {"display_name": "Greta Gründlich", "password": STRONG_PASSWORD,
            "password_confirm": STRONG_PASSWORD, "listed_in_directory": "nein", **fields}
    response = client.post(f"/konto/einladung/{token}", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)


def _stored_locale(app) -> str:
    with app.app_context():
        return db.session.scalar(select(User.locale))


def test_english_chosen_with_the_switch_is_preselected_and_saved(app, client, make_invitation):
    token = make_invitation()
    client.post("/konto/sprache", data={"locale": "en", "next": f"/konto/einladung/{token}"})
    page = client.get(f"/konto/einladung/{token}").get_data(as_text=True)
    assert '<option selected value="en">English</option>' in page
    _register(client, token, locale="en")
    assert '<html lang="en"' in client.get("/").get_data(as_text=True)
    assert _stored_locale(app) == "en"


def test_english_from_the_switch_is_kept_when_the_form_sends_no_language(app, client,
                                                                       make_invitation):
    token = make_invitation()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "de-DE,de;q=0.9"
    client.post("/konto/sprache", data={"locale": "en"})
    _register(client, token)
    assert _stored_locale(app) == "en"


def test_the_switch_before_registering_does_not_override_a_later_choice(app, client,
                                                                        make_invitation,
                                                                        make_user):
    token = make_invitation(email="greta@example.org")
    client.post("/konto/sprache", data={"locale": "en"})
    _register(client, token, locale="en")
    client.post("/konto/einstellungen", data={"locale": "de"})  # changed mind in the settings
    auth = AuthActions(client, make_user)
    auth.logout()
    with app.app_context():
        user = db.session.scalar(select(User))
        db.session.expunge(user)
    auth.login(user, password=STRONG_PASSWORD)  # the language cookie still says English
    assert '<html lang="de"' in client.get("/").get_data(as_text=True)
    assert _stored_locale(app) == "de"


def test_csrf_token_is_renewed_when_registration_logs_in(client, make_invitation):
    """As at login (test_csrf_token_is_renewed_at_login): a token read on the registration
    page before the account existed is worthless once the new member is logged in."""
    token = make_invitation()
    with client.session_transaction() as session:
        session["csrf_token"] = "known-before-registration"
    _register(client, token)
    with client.session_transaction() as session:
        assert session.get("csrf_token") != "known-before-registration"
