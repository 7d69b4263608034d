"""Starting threads and replying: what members see, and bad input kept with a German message."""
from alumni_hub.boards.models import Post, Thread
from alumni_hub.extensions import db


def _new_thread(client, category, **data):
    form = {"title": "Was gehört in ein MINT-Mobil?", "kind": "question",
            "body": "Wir planen ein *MINT-Mobil*.", **data}
    return client.post(f"/foren/{category.slug}/neu", data=form)


def test_member_starts_a_question_and_sees_it_in_the_category(client, auth, make_category):
    auth.login()
    category = make_category("Fragen & Antworten")
    response = _new_thread(client, category)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Was gehört in ein MINT-Mobil?" in page and "<em>MINT-Mobil</em>" in page
    listing = client.get(f"/foren/{category.slug}").get_data(as_text=True)
    assert "Was gehört in ein MINT-Mobil?" in listing and "Frage" in listing


def test_preview_shows_rendered_markdown_and_keeps_the_text(client, auth, make_category, app):
    auth.login()
    category = make_category()
    page = _new_thread(client, category, body="**fett** gedruckt", preview="Vorschau")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<strong>fett</strong>" in html and "**fett** gedruckt" in html
    with app.app_context():
        assert db.session.query(Thread).count() == 0


def test_empty_body_is_refused_with_message_and_title_kept(client, auth, make_category):
    auth.login()
    page = _new_thread(client, make_category(), body="   ").get_data(as_text=True)
    assert "Bitte schreibe einen Text." in page
    assert 'value="Was gehört in ein MINT-Mobil?"' in page


def test_over_long_title_is_refused_and_body_kept(client, auth, make_category):
    auth.login()
    page = _new_thread(client, make_category(), title="x" * 201).get_data(as_text=True)
    assert "Der Titel darf höchstens 200 Zeichen lang sein." in page
    assert "Wir planen ein *MINT-Mobil*." in page


def test_member_replies_to_thread_and_to_a_reply_and_sees_the_tree(
        client, auth, make_thread, add_reply, make_user):
    thread = make_thread()
    first = add_reply(thread, make_user(display_name="Erste Antwort"), "Ferienpass-Aktionen!")
    auth.login()
    response = client.post(f"/foren/thema/{thread.id}/antworten",
                           data={"body": "Genau, mit Betrieben.", "parent_id": first.id})
    assert response.status_code == 302 and "#post-" in response.headers["Location"]
    page = client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    subtree = page.split(f'id="post-{first.id}"', 1)[1]
    assert '<details open class="subtree">' in subtree and "Genau, mit Betrieben." in subtree


def test_reply_to_a_locked_thread_is_refused_and_text_kept(client, auth, make_thread, app):
    thread = make_thread()
    with app.app_context():
        db.session.get(Thread, thread.id).locked = True
        db.session.commit()
    auth.login()
    page = client.post(f"/foren/thema/{thread.id}/antworten",
                       data={"body": "Mein langer Text"}).get_data(as_text=True)
    assert "Diese Diskussion ist geschlossen" in page and "Mein langer Text" in page
    with app.app_context():
        assert db.session.query(Post).count() == 1


def test_reply_to_a_post_of_another_thread_is_refused(client, auth, make_thread, add_reply,
                                                      make_user):
    thread, other = make_thread(), make_thread(title="Andere Frage")
    foreign = add_reply(other, make_user())
    auth.login()
    response = client.post(f"/foren/thema/{thread.id}/antworten",
                           data={"body": "Meine Antwort", "parent_id": foreign.id})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "gehört nicht zu dieser Diskussion" in page and "Meine Antwort" in page


def test_reply_link_shows_whom_you_answer(client, auth, make_thread, add_reply, make_user):
    thread = make_thread()
    post = add_reply(thread, make_user(display_name="Paula Partner"))
    auth.login()
    page = client.get(f"/foren/thema/{thread.id}?reply_to={post.id}").get_data(as_text=True)
    assert "Antwort auf Paula Partner" in page and f'value="{post.id}"' in page


def test_deep_replies_continue_at_the_cap_with_antwort_auf(client, auth, make_thread, app):
    author = auth.login()
    thread = make_thread(author=author, replies=9, nested=True)
    page = client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    assert page.count('class="subtree"') == 5
    assert f"Antwort auf {author.display_name}" in page
    assert "Antwort 9" in page


def test_flat_view_lists_replies_chronologically(client, auth, make_thread, add_reply,
                                                 make_user):
    thread = make_thread(replies=2, nested=True)
    auth.login()
    page = client.get(f"/foren/thema/{thread.id}?ansicht=chronologisch").get_data(as_text=True)
    assert 'class="subtree"' not in page
    assert page.index("Antwort 1") < page.index("Antwort 2")
    assert "Als Baum anzeigen" in page


def test_post_link_redirects_to_its_anchor_in_the_thread(client, auth, make_thread, add_reply,
                                                         make_user):
    thread = make_thread()
    post = add_reply(thread, make_user())
    auth.login()
    response = client.get(f"/foren/beitrag/{post.id}")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.endswith(f"/foren/thema/{thread.id}-{thread.slug}#post-{post.id}")


def test_unknown_thread_and_post_are_404(client, auth):
    auth.login()
    assert client.get("/foren/thema/999").status_code == 404
    assert client.get("/foren/beitrag/999").status_code == 404
    assert client.get("/foren/gibt-es-nicht").status_code == 404


def test_new_replies_are_marked_unread_and_the_first_unread_is_linked(
        client, auth, make_thread, add_reply, make_user):
    reader = auth.login()
    thread = make_thread(author=reader)
    client.get(f"/foren/thema/{thread.id}")
    listing = client.get(f"/foren/{thread_category_slug(client, thread)}")
    assert "unread-mark" not in listing.get_data(as_text=True)
    post = add_reply(thread, make_user(), "Neu hier")
    listing = client.get(f"/foren/{thread_category_slug(client, thread)}").get_data(as_text=True)
    assert "unread-mark" in listing
    page = client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    assert f'<a href="#post-{post.id}">Zum ersten ungelesenen Beitrag</a>' in page
    page = client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    assert "Zum ersten ungelesenen Beitrag" not in page


def thread_category_slug(client, thread):
    from alumni_hub.boards.models import Category  # noqa: PLC0415

    app = client.application
    with app.app_context():
        return db.session.get(Category, thread.category_id).slug


def test_thread_gets_topics_from_the_foundations_list(client, auth, make_category, app):
    from alumni_hub.members.models import Topic  # noqa: PLC0415

    with app.app_context():
        topic = Topic(name="Berufsorientierung", slug="berufsorientierung")
        db.session.add_all([topic, Topic(name="Archiv", slug="archiv", archived=True)])
        db.session.commit()
        topic_id = topic.id
    auth.login()
    category = make_category()
    form = client.get(f"/foren/{category.slug}/neu").get_data(as_text=True)
    assert "Berufsorientierung" in form and "Archiv" not in form
    response = _new_thread(client, category, topics=[topic_id])
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert '<span class="tag">Berufsorientierung</span>' in page


def test_archived_category_takes_no_new_threads_from_members(client, auth, make_category, app):
    from alumni_hub.boards.models import Category  # noqa: PLC0415

    category = make_category()
    with app.app_context():
        db.session.get(Category, category.id).archived = True
        db.session.commit()
    auth.login()
    page = _new_thread(client, category).get_data(as_text=True)
    assert "Diese Kategorie ist archiviert." in page


def test_thread_page_shows_times_in_berlin_time_for_each_language(client, auth, make_thread,
                                                                 make_user, app):
    from datetime import datetime, timezone  # noqa: PLC0415

    thread = make_thread()
    with app.app_context():
        db.session.query(Post).update({"created_at": datetime(2026, 1, 5, 23, 30,
                                                              tzinfo=timezone.utc)})
        db.session.commit()
    auth.login()
    assert "06.01.26, 00:30" in client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    auth.logout()
    auth.login(make_user(locale="en"))
    assert "1/6/26, 12:30\u202fAM" in client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)


def test_category_lists_reply_count_and_last_author(client, auth, make_thread, add_reply,
                                                    make_user):
    thread = make_thread(title="Schülerlabor gesucht")
    add_reply(thread, make_user(display_name="Lena Letzte"))
    auth.login()
    listing = client.get(f"/foren/{thread_category_slug(client, thread)}").get_data(as_text=True)
    row = listing.split("Schülerlabor gesucht", 1)[1].split("</tr>", 1)[0]
    assert "<td>1</td>" in row and "Lena Letzte" in row
