"""Authorization matrix: members cannot touch others' posts, moderate, or see hidden posts."""
import pytest

from alumni_hub.boards.models import Post, Thread
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db


@pytest.fixture
def others_post(make_thread, add_reply, make_user):
    thread = make_thread()
    return add_reply(thread, make_user(display_name="Fremde Autorin"), "Fremder Beitrag")


@pytest.mark.parametrize("method,path", [
    ("get", "/foren/beitrag/{post}/bearbeiten"),
    ("post", "/foren/beitrag/{post}/bearbeiten"),
    ("post", "/foren/beitrag/{post}/loeschen"),
    ("get", "/foren/beitrag/{post}/versionen"),
])
def test_member_cannot_edit_or_delete_other_members_post(client, auth, others_post, app,
                                                          method, path):
    auth.login()
    response = getattr(client, method)(path.format(post=others_post.id),
                                       data={"body": "übernommen"})
    assert response.status_code == 403
    with app.app_context():
        post = db.session.get(Post, others_post.id)
        assert post.body_md == "Fremder Beitrag" and post.deleted_at is None


@pytest.mark.parametrize("method,path", [
    ("post", "/foren/thema/{thread}/anheften"), ("post", "/foren/thema/{thread}/loesen"),
    ("post", "/foren/thema/{thread}/schliessen"), ("post", "/foren/thema/{thread}/oeffnen"),
    ("get", "/foren/thema/{thread}/verschieben"), ("post", "/foren/thema/{thread}/verschieben"),
    ("post", "/foren/beitrag/{post}/ausblenden"), ("post", "/foren/beitrag/{post}/einblenden"),
    ("get", "/foren/kategorien"), ("post", "/foren/kategorien"),
    ("post", "/foren/kategorien/1"), ("get", "/moderation/meldungen"),
    ("post", "/moderation/meldungen/1/loeschen"),
])
def test_member_cannot_use_moderator_actions(client, auth, others_post, app, method, path):
    auth.login()
    response = getattr(client, method)(
        path.format(thread=others_post.thread_id, post=others_post.id),
        data={"name": "Neu", "category": 1})
    assert response.status_code == 403
    with app.app_context():
        thread = db.session.get(Thread, others_post.thread_id)
        assert not thread.pinned and not thread.locked
        assert db.session.get(Post, others_post.id).hidden_at is None


def _hide(app, post_id):
    with app.app_context():
        db.session.get(Post, post_id).hidden_at = utcnow()
        db.session.commit()


def test_member_cannot_see_hidden_posts(client, auth, others_post, app):
    _hide(app, others_post.id)
    auth.login()
    page = client.get(f"/foren/thema/{others_post.thread_id}").get_data(as_text=True)
    assert "Fremder Beitrag" not in page and "von der Moderation ausgeblendet" in page
    assert client.get(f"/foren/beitrag/{others_post.id}").status_code == 404
    assert client.get(f"/foren/beitrag/{others_post.id}/melden").status_code == 404


def test_author_cannot_edit_own_hidden_post(client, auth, make_thread, add_reply, app):
    author = auth.login()
    post = add_reply(make_thread(), author, "Mein Beitrag")
    _hide(app, post.id)
    assert client.post(f"/foren/beitrag/{post.id}/bearbeiten",
                       data={"body": "neu"}).status_code == 404


def test_moderator_sees_hidden_posts_marked(client, auth, others_post, app):
    _hide(app, others_post.id)
    auth.login(role="moderator")
    page = client.get(f"/foren/thema/{others_post.thread_id}").get_data(as_text=True)
    assert "Fremder Beitrag" in page and "Ausgeblendet" in page


def test_moderator_edits_any_post_and_it_is_logged(client, auth, others_post, app):
    from alumni_hub.core.audit import AuditLogEntry  # noqa: PLC0415

    auth.login(role="moderator")
    response = client.post(f"/foren/beitrag/{others_post.id}/bearbeiten",
                           data={"body": "Korrigiert"})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Post, others_post.id).body_md == "Korrigiert"
        assert db.session.query(AuditLogEntry).filter_by(action="post.edited").count() == 1


@pytest.mark.parametrize("path", ["/foren/", "/foren/offene-fragen", "/foren/thema/1",
                                  "/foren/beitrag/1", "/foren/neu"])
def test_anonymous_visitors_are_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/konto/anmelden" in response.headers["Location"]
