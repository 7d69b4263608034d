"""Hostile Markdown and invisible text in the forums: never a 500, the typed text is kept."""
import pytest

from alumni_hub.boards.models import Post, Thread
from alumni_hub.extensions import db

DEEP_LIST = "- " * 500 + "x"
ZERO_WIDTH = "\u200b\u200b\u200b"


def _count(app, model):
    with app.app_context():
        return db.session.query(model).count()


@pytest.mark.parametrize("button", ["preview", "save"])
def test_deeply_nested_list_reply_is_shown_not_a_server_error(client, auth, make_thread, app,
                                                              button):
    thread = make_thread()
    auth.login()
    response = client.post(f"/foren/thema/{thread.id}/antworten",
                           data={"body": DEEP_LIST, button: "1"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    # Beyond the nesting limit the markers stay as text: nothing typed disappears.
    assert response.status_code == 200 and "- - x" in page
    if button == "save":
        with app.app_context():
            assert db.session.query(Post).order_by(Post.id.desc()).first().body_md == DEEP_LIST


def test_nested_bracket_preview_of_the_largest_post_is_answered(client, auth, make_thread):
    thread = make_thread()
    auth.login()
    body = "[" * 9990 + "x" + "]" * 9990
    response = client.post(f"/foren/thema/{thread.id}/antworten",
                           data={"body": body, "preview": "Vorschau"})
    assert response.status_code == 200 and 'class="preview"' in response.get_data(as_text=True)


def test_thread_of_only_zero_width_spaces_is_refused_with_a_message(client, auth,
                                                                   make_category, app):
    category = make_category()
    auth.login()
    response = client.post(f"/foren/{category.slug}/neu", data={
        "title": ZERO_WIDTH, "kind": "question", "body": ZERO_WIDTH})
    page = response.get_data(as_text=True)
    assert "Bitte gib einen Titel ein." in page
    assert _count(app, Thread) == 0


def test_reply_of_only_zero_width_spaces_is_refused(client, auth, make_thread, app):
    thread = make_thread()
    auth.login()
    before = _count(app, Post)
    page = client.post(f"/foren/thema/{thread.id}/antworten",
                       data={"body": "\u200b \u2060 \ufeff"}).get_data(as_text=True)
    assert "Bitte schreibe einen Text." in page
    assert _count(app, Post) == before
