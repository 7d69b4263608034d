"""Hostile Markdown in the wiki: deep nesting and bracket floods give a page, not a 500."""
import html

import pytest
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page
from tests.wiki.builders import current_text

DEEP_LIST = "- " * 500 + "x"


@pytest.mark.parametrize("body", [DEEP_LIST, "[a" * 6000, "> " * 5000 + "x"])
def test_hostile_page_preview_is_shown_and_keeps_the_text(client, auth, wiki_db, body):
    auth.login()
    response = client.post("/wiki/neu", data={"title": "Test", "body": body,
                                              "preview": "Vorschau"})
    assert response.status_code == 200
    assert html.escape(body[:40], quote=False) in response.get_data(as_text=True)
    assert wiki_db(lambda: db.session.scalar(select(Page))) is None


def test_deeply_nested_list_page_is_saved(client, auth, wiki_db):
    auth.login()
    response = client.post("/wiki/neu", data={"title": "Tiefe Liste", "body": DEEP_LIST,
                                              "summary": "", "save": "Speichern"})
    assert response.status_code == 302
    assert wiki_db(lambda: current_text("tiefe-liste")) == DEEP_LIST
    assert "- - x" in client.get("/wiki/tiefe-liste").get_data(as_text=True)
