"""The thread page for keyboard and screen-reader users, and the addresses people reload."""
from alumni_hub.extensions import db
from alumni_hub.members.models import Topic


def test_thread_offers_a_link_straight_to_the_reply_box(client, auth, make_thread):
    auth.login()
    thread = make_thread(replies=5)
    page = client.get(f"/foren/thema/{thread.id}-{thread.slug}").get_data(as_text=True)
    link = page.index('href="#body">Zur Antwort springen</a>')
    assert link < page.index('id="post-')
    assert 'id="body"' in page


def test_antworten_means_one_thing_on_a_thread_page(client, auth, make_thread):
    auth.login()
    thread = make_thread(replies=2)
    page = client.get(f"/foren/thema/{thread.id}-{thread.slug}").get_data(as_text=True)
    assert "2 Antworten" in page  # the heading over the replies
    assert ">Darauf antworten</a>" in page and "<h2>Deine Antwort</h2>" in page
    assert 'value="Antwort senden"' in page
    assert ">Antworten<" not in page


def test_reloading_the_address_of_a_failed_reply_returns_to_the_thread(client, auth,
                                                                        make_thread):
    auth.login()
    thread = make_thread()
    response = client.get(f"/foren/thema/{thread.id}/antworten")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/foren/thema/{thread.id}-{thread.slug}#reply-form"


def test_wrong_slug_redirects_permanently_to_the_right_address(client, auth, make_thread):
    auth.login()
    thread = make_thread()
    response = client.get(f"/foren/thema/{thread.id}-alter-titel?ansicht=chronologisch")
    assert response.status_code == 301
    assert response.headers["Location"] == (
        f"/foren/thema/{thread.id}-{thread.slug}?ansicht=chronologisch")


def test_user_content_is_marked_german_on_an_english_page(client, auth, make_thread):
    auth.login()
    client.post("/konto/sprache", data={"locale": "en"})
    thread = make_thread(replies=1)
    page = client.get(f"/foren/thema/{thread.id}-{thread.slug}").get_data(as_text=True)
    assert '<html lang="en"' in page
    assert '<div class="prose" lang="de">' in page and f'<span lang="de">{thread.title}</span>' in page


def test_topics_in_the_new_thread_form_sort_the_german_way(app, client, auth, make_category):
    with app.app_context():
        for name in ("Öffentlichkeitsarbeit", "MINT-Mobil", "Mädchen", "Berufsorientierung"):
            db.session.add(Topic(name=name, slug=name.lower().replace("ö", "oe").replace(
                "ä", "ae"), archived=False))
        db.session.commit()
    auth.login()
    category = make_category()
    page = client.get(f"/foren/{category.slug}/neu").get_data(as_text=True)
    order = [page.index(f">{name}<") for name in (
        "Berufsorientierung", "Mädchen", "MINT-Mobil", "Öffentlichkeitsarbeit")]
    assert order == sorted(order)
