""""Vorschau" never publishes; bodies that render to nothing and bad reply targets are refused."""
import html

import pytest

from alumni_hub.boards.models import Post, PostRevision, Thread
from alumni_hub.extensions import db

# Both are non-empty Markdown that the sanitizer turns into no HTML at all.
RENDERS_EMPTY = ["<!-- nur ein Kommentar -->", "<script>alert(1)</script>"]
BODY_ERROR = 'class="field-error">Bitte schreibe einen Text.'


def _counts(app):
    with app.app_context():
        return (db.session.query(Thread).count(), db.session.query(Post).count(),
                db.session.query(PostRevision).count())


def _textarea_keeps(page: str, text: str) -> bool:
    return html.escape(text, quote=False) in page or html.escape(text) in page


def _assert_preview_keeps(response, body: str, *, bold: str) -> None:
    """The preview box is shown, the text box still holds the body, Markdown is rendered."""
    page = response.get_data(as_text=True)
    assert 'class="preview"' in page and _textarea_keeps(page, body)
    if bold in body:
        assert f"<strong>{bold}</strong>" in page


@pytest.mark.parametrize("body", ["Habt ihr **Ideen**?", *RENDERS_EMPTY])
def test_preview_of_a_new_thread_stores_nothing_and_keeps_the_text(client, auth, make_category,
                                                                   app, body):
    category = make_category()
    auth.login()
    response = client.post(f"/foren/{category.slug}/neu", data={
        "title": "Ferienangebote", "kind": "question", "body": body, "preview": "Vorschau"})
    assert response.status_code == 200
    _assert_preview_keeps(response, body, bold="Ideen")
    assert _counts(app) == (0, 0, 0)


@pytest.mark.parametrize("body", ["Gute **Idee**!", *RENDERS_EMPTY])
def test_preview_of_a_reply_stores_nothing_and_keeps_the_text(client, auth, make_thread, app,
                                                              body):
    thread = make_thread()
    auth.login()
    before = _counts(app)
    response = client.post(f"/foren/thema/{thread.id}/antworten",
                           data={"body": body, "preview": "Vorschau"})
    _assert_preview_keeps(response, body, bold="Idee")
    assert _counts(app) == before
    with app.app_context():
        assert db.session.get(Thread, thread.id).reply_count == 0


@pytest.mark.parametrize("body", ["Neue **Fassung**", *RENDERS_EMPTY])
def test_preview_of_an_edit_saves_nothing_and_keeps_the_text(client, auth, make_thread,
                                                             add_reply, load_post, app, body):
    author = auth.login()
    post = add_reply(make_thread(author=author), author, "Alte Fassung")
    response = client.post(f"/foren/beitrag/{post.id}/bearbeiten",
                           data={"body": body, "preview": "Vorschau"})
    _assert_preview_keeps(response, body, bold="Fassung")
    stored = load_post(post.id)
    assert stored.body_md == "Alte Fassung" and stored.edited_at is None
    assert _counts(app)[2] == 0


@pytest.mark.parametrize("body", RENDERS_EMPTY)
def test_thread_whose_body_renders_empty_is_refused_and_text_kept(client, auth, make_category,
                                                                  app, body):
    category = make_category()
    auth.login()
    page = client.post(f"/foren/{category.slug}/neu", data={
        "title": "Leerer Beitrag", "kind": "discussion", "body": body}).get_data(as_text=True)
    assert BODY_ERROR in page and _textarea_keeps(page, body) and "Leerer Beitrag" in page
    assert _counts(app) == (0, 0, 0)


@pytest.mark.parametrize("body", RENDERS_EMPTY)
def test_reply_whose_body_renders_empty_is_refused_and_text_kept(client, auth, make_thread, app,
                                                                 body):
    thread = make_thread()
    auth.login()
    before = _counts(app)
    page = client.post(f"/foren/thema/{thread.id}/antworten",
                       data={"body": body}).get_data(as_text=True)
    assert BODY_ERROR in page and _textarea_keeps(page, body)
    assert _counts(app) == before


@pytest.mark.parametrize("body", RENDERS_EMPTY)
def test_edit_whose_body_renders_empty_is_refused_and_text_kept(client, auth, make_thread,
                                                                add_reply, load_post, body):
    author = auth.login()
    post = add_reply(make_thread(author=author), author, "Bleibt stehen")
    page = client.post(f"/foren/beitrag/{post.id}/bearbeiten",
                       data={"body": body}).get_data(as_text=True)
    assert BODY_ERROR in page and _textarea_keeps(page, body)
    assert load_post(post.id).body_md == "Bleibt stehen"


@pytest.mark.parametrize("parent_id", ["abc", "1.5", "0", "-3"])
def test_reply_with_a_malformed_parent_is_refused_and_text_kept(client, auth, make_thread, app,
                                                                parent_id):
    thread = make_thread()
    auth.login()
    before = _counts(app)
    page = client.post(f"/foren/thema/{thread.id}/antworten", data={
        "body": "Meine wichtige Antwort", "parent_id": parent_id}).get_data(as_text=True)
    assert "Den Beitrag, auf den du antworten willst, gibt es nicht." in page
    assert "Meine wichtige Antwort" in page
    assert _counts(app) == before
