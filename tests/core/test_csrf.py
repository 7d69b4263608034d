"""CSRF protection is real: a form posted without its token changes nothing, with it works.

The suite runs with CSRF off for brevity; here it is switched on for the running app.
"""
import re

import pytest
from sqlalchemy import func, select

from alumni_hub.boards.models import Thread
from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def csrf_on(app, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)


def _token(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def _login(client, user):
    token = _token(client, "/konto/anmelden")
    response = client.post("/konto/anmelden", data={
        "email": user.email, "password": TEST_PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_login_without_token_is_refused_with_german_page(client, make_user, csrf_on):
    user = make_user()
    response = client.post("/konto/anmelden", data={"email": user.email,
                                                     "password": TEST_PASSWORD})
    assert response.status_code == 400
    assert "Formular abgelaufen" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302  # still not logged in


def test_new_thread_needs_the_form_token(app, client, make_user, make_category, csrf_on):
    category = make_category("Fragen & Antworten")
    _login(client, make_user())
    data = {"title": "Was gehört in ein MINT-Mobil?", "kind": "question", "body": "Ideen?"}

    refused = client.post(f"/foren/{category.slug}/neu", data=data)
    assert refused.status_code == 400 and "Formular abgelaufen" in refused.get_data(as_text=True)
    assert _count(app, Thread) == 0

    token = _token(client, f"/foren/{category.slug}/neu")
    accepted = client.post(f"/foren/{category.slug}/neu", data={**data, "csrf_token": token})
    assert accepted.status_code == 302 and _count(app, Thread) == 1


def test_a_token_from_another_session_does_not_work(app, make_user, make_category, csrf_on):
    category = make_category()
    attacker, victim = app.test_client(), app.test_client()
    _login(attacker, make_user())
    _login(victim, make_user())
    stolen = _token(attacker, f"/foren/{category.slug}/neu")
    response = victim.post(f"/foren/{category.slug}/neu", data={
        "title": "Untergeschoben", "kind": "discussion", "body": "x", "csrf_token": stolen})
    assert response.status_code == 400
    assert _count(app, Thread) == 0


def test_new_wiki_page_without_token_is_not_created(app, client, make_user, csrf_on):
    _login(client, make_user())
    response = client.post("/wiki/neu", data={"title": "Experimentierkisten",
                                               "body": "Was hinein gehört."})
    assert response.status_code == 400
    assert _count(app, Page) == 0


def test_logout_without_token_keeps_the_member_logged_in(client, make_user, csrf_on):
    _login(client, make_user())
    assert client.post("/konto/abmelden").status_code == 400
    assert client.get("/").status_code == 200
