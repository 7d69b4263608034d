"""`flask create-admin`: the first administrator, checked like a registration."""
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from tests.accounts.builders import STRONG_PASSWORD


def _admins(app):
    with app.app_context():
        return [(u.email, u.display_name, u.role) for u in db.session.scalars(select(User))]


def test_create_admin_with_options(app, runner, client):
    result = runner.invoke(args=["create-admin", "Chefin@Example.org", "--name", "Clara Chefin",
                                 "--password", STRONG_PASSWORD])
    assert result.exit_code == 0, result.output
    assert _admins(app) == [("chefin@example.org", "Clara Chefin", "admin")]
    login = client.post("/konto/anmelden", data={"email": "chefin@example.org",
                                                 "password": STRONG_PASSWORD})
    assert login.status_code == 302


def test_create_admin_prompts_with_hidden_confirmed_password(app, runner):
    result = runner.invoke(args=["create-admin", "a@example.org"],
                           input=f"Anna Admin\n{STRONG_PASSWORD}\n{STRONG_PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert STRONG_PASSWORD not in result.output  # hidden input
    assert "Passwort" in result.output and _admins(app)[0][2] == "admin"


def test_create_admin_refuses_a_weak_password(app, runner):
    result = runner.invoke(args=["create-admin", "a@example.org", "--name", "Anna",
                                 "--password", "passwort123"])
    assert result.exit_code != 0 and "zu verbreitet" in result.output
    assert _admins(app) == []


def test_create_admin_refuses_an_existing_email(app, runner, make_user):
    make_user(email="da@example.org")
    result = runner.invoke(args=["create-admin", "da@example.org", "--name", "Dora",
                                 "--password", STRONG_PASSWORD])
    assert result.exit_code != 0 and "gibt es schon ein Konto" in result.output
    assert len(_admins(app)) == 1


def test_create_admin_refuses_an_invalid_email(app, runner):
    result = runner.invoke(args=["create-admin", "kein-at", "--name", "Dora",
                                 "--password", STRONG_PASSWORD])
    assert result.exit_code != 0 and "E-Mail-Adresse" in result.output
