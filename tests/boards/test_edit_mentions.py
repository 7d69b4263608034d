"""Editing a post notifies the people it newly mentions, and only them."""
from alumni_hub.extensions import db
from alumni_hub.notifications.models import Notification


def _mentions(app):
    with app.app_context():
        return sorted(n.user_id for n in db.session.query(Notification).filter_by(kind="mention"))


def test_edit_notifies_newly_mentioned_people_only(client, auth, make_thread, add_reply,
                                                   make_user, app):
    before = make_user(display_name="Anna Alt")
    added = make_user(display_name="Nils Neu")
    author = auth.login()
    post = add_reply(make_thread(author=author), author, "Frag mal @[Anna Alt].")
    assert _mentions(app) == [before.id]
    client.post(f"/foren/beitrag/{post.id}/bearbeiten",
                data={"body": "Frag mal @[Anna Alt] und @Nils_Neu."})
    assert _mentions(app) == [before.id, added.id]
    with app.app_context():
        note = db.session.query(Notification).filter_by(user_id=added.id).one()
        assert note.url.endswith(f"#post-{post.id}") and note.params["actor"] == author.display_name
    # Saving again with the same mentions tells nobody twice.
    client.post(f"/foren/beitrag/{post.id}/bearbeiten",
                data={"body": "Frag mal @[Anna Alt] und @Nils_Neu!"})
    assert _mentions(app) == [before.id, added.id]


def test_edit_mentioning_the_author_notifies_nobody(client, auth, make_thread, add_reply, app):
    author = auth.login()
    post = add_reply(make_thread(author=author), author, "Erste Fassung")
    client.post(f"/foren/beitrag/{post.id}/bearbeiten",
                data={"body": f"Notiz an mich, @[{author.display_name}]"})
    assert _mentions(app) == []
