"""Each visible post offers "Als Wiki-Tipp übernehmen", linking to the wiki's promote page."""
import re

from flask import url_for

from alumni_hub.boards.models import Post
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db

LABEL = "Als Wiki-Tipp übernehmen"


def _promote_url(app, post_id):
    with app.test_request_context():
        return url_for("wiki.promote_post", post_id=post_id)


def _article(page: str, post_id: int) -> str:
    return re.search(rf'<article id="post-{post_id}".*?</article>', page, re.S).group(0)


def test_thread_page_links_each_post_to_the_wiki_promote_page(client, auth, make_thread,
                                                              add_reply, opening_post, make_user,
                                                              app):
    thread = make_thread()
    reply = add_reply(thread, make_user(), "Tipp: Feuerwehr einbinden")
    auth.login()
    page = client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    for post_id in (opening_post(thread).id, reply.id):
        url = _promote_url(app, post_id)
        assert url.endswith(f"/{post_id}")
        assert f'<a href="{url}" class="promote-link">{LABEL}</a>' in _article(page, post_id)


def test_deleted_and_hidden_posts_offer_no_wiki_link(client, auth, make_thread, add_reply,
                                                     make_user, app):
    thread = make_thread()
    deleted = add_reply(thread, make_user(), "Gelöscht")
    hidden = add_reply(thread, make_user(), "Ausgeblendet")
    with app.app_context():
        db.session.get(Post, deleted.id).deleted_at = utcnow()
        db.session.get(Post, hidden.id).hidden_at = utcnow()
        db.session.commit()
    auth.login(role="moderator")  # moderators see hidden posts, but the wiki refuses them
    page = client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    for post_id in (deleted.id, hidden.id):
        assert LABEL not in _article(page, post_id)
        assert _promote_url(app, post_id) not in page
