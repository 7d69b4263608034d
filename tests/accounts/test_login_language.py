"""A language picked with the switch before logging in is the one the member keeps."""
from alumni_hub.accounts.models import User
from alumni_hub.extensions import db


def _stored_locale(app, user) -> str:
    with app.app_context():
        return db.session.get(User, user.id).locale


def _start_page(client) -> str:
    return client.get("/").get_data(as_text=True)


def test_english_chosen_on_the_login_page_wins_and_is_saved_at_login(app, client, auth,
                                                                       make_user):
    user = make_user(locale="de")
    client.post("/konto/sprache", data={"locale": "en", "next": "/konto/anmelden"})
    assert "Sign in" in client.get("/konto/anmelden").get_data(as_text=True)
    auth.login(user)
    page = _start_page(client)
    assert '<html lang="en"' in page and "Sign out" in page
    assert _stored_locale(app, user) == "en"


def test_without_a_choice_the_saved_language_is_used_not_the_browsers(app, client, auth,
                                                                        make_user):
    user = make_user(locale="de")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en-GB,en;q=0.9"
    assert "Sign in" in client.get("/konto/anmelden").get_data(as_text=True)
    auth.login(user)
    page = _start_page(client)
    assert '<html lang="de"' in page and "Abmelden" in page
    assert _stored_locale(app, user) == "de"


def test_a_choice_before_login_counts_for_that_login_only(app, client, auth, make_user):
    user = make_user(locale="de")
    client.post("/konto/sprache", data={"locale": "en"})
    auth.login(user)
    client.post("/konto/einstellungen", data={"locale": "de"})  # changed mind in the settings
    auth.logout()
    auth.login(user)  # the language cookie from the login page still says English
    assert '<html lang="de"' in _start_page(client)
    assert _stored_locale(app, user) == "de"
