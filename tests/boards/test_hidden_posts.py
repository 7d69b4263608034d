"""Hidden posts: members see only the placeholder, never author, time, text or a reply target;
moderators still see everything."""
import re

from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Post
from alumni_hub.boards.services.moderation import set_hidden
from alumni_hub.extensions import db

PLACEHOLDER = "Dieser Beitrag wurde von der Moderation ausgeblendet."


def _hidden_post_with_reply(app, make_thread, add_reply, make_user):
    """A thread with a hidden reply by Harald Heimlich and a visible answer to it."""
    thread = make_thread()
    hidden = add_reply(thread, make_user(display_name="Harald Heimlich"), "Geheimer Inhalt")
    answer = add_reply(thread, make_user(display_name="Olga Offen"), "Sichtbare Antwort",
                       parent_id=hidden.id)
    with app.app_context():
        set_hidden(post=db.session.get(Post, hidden.id), hidden=True,
                   actor=db.session.get(User, make_user(role="moderator").id))
        db.session.commit()
    return thread, hidden, answer


def _article(page: str, post_id: int) -> str:
    return re.search(rf'<article id="post-{post_id}".*?</article>', page, re.S).group(0)


def test_member_sees_only_the_placeholder_of_a_hidden_post(client, auth, make_thread,
                                                           add_reply, make_user, app):
    thread, hidden, _ = _hidden_post_with_reply(app, make_thread, add_reply, make_user)
    auth.login()
    for view in ("", "?ansicht=chronologisch"):
        page = client.get(f"/foren/thema/{thread.id}{view}").get_data(as_text=True)
        article = _article(page, hidden.id)
        assert PLACEHOLDER in article
        assert "Harald Heimlich" not in page and "Geheimer Inhalt" not in page
        assert f'href="/foren/beitrag/{hidden.id}"' not in article  # the time's permalink
        assert "<header>" not in article


def test_reply_to_a_hidden_post_does_not_name_its_author(client, auth, make_thread, add_reply,
                                                         make_user, app):
    thread, _, answer = _hidden_post_with_reply(app, make_thread, add_reply, make_user)
    auth.login()
    page = client.get(f"/foren/thema/{thread.id}?ansicht=chronologisch").get_data(as_text=True)
    article = _article(page, answer.id)
    assert "Antwort auf einen ausgeblendeten Beitrag" in article
    assert "Sichtbare Antwort" in article and "Harald Heimlich" not in page


def test_reply_link_to_a_hidden_post_offers_a_reply_to_the_thread(client, auth, make_thread,
                                                                  add_reply, make_user, app):
    thread, hidden, _ = _hidden_post_with_reply(app, make_thread, add_reply, make_user)
    auth.login()
    page = client.get(f"/foren/thema/{thread.id}?reply_to={hidden.id}").get_data(as_text=True)
    form = page[page.index('id="reply-form"'):]
    assert "Antwort auf" not in form and "Harald Heimlich" not in page
    assert re.search(r'name="parent_id" type="hidden" value=""', form)


def test_moderator_still_sees_hidden_post_with_author_and_text(client, auth, make_thread,
                                                               add_reply, make_user, app):
    thread, hidden, answer = _hidden_post_with_reply(app, make_thread, add_reply, make_user)
    auth.login(role="moderator")
    page = client.get(f"/foren/thema/{thread.id}?ansicht=chronologisch").get_data(as_text=True)
    article = _article(page, hidden.id)
    assert "Harald Heimlich" in article and "Geheimer Inhalt" in article
    assert "Ausgeblendet" in article
    assert "Antwort auf Harald Heimlich" in _article(page, answer.id)
    reply_form = client.get(f"/foren/thema/{thread.id}?reply_to={hidden.id}") \
        .get_data(as_text=True)
    assert "Antwort auf Harald Heimlich" in reply_form[reply_form.index('id="reply-form"'):]
