"""Who is notified of a new post: mention > reply > watched thread > watched category."""
from alumni_hub.boards.models import ThreadWatch
from alumni_hub.extensions import db
from alumni_hub.notifications.models import Notification


def _kinds(app):
    with app.app_context():
        return {(n.user_id, n.kind) for n in db.session.query(Notification)}


def test_reply_notifies_parent_author_and_thread_watchers_once_each(
        client, auth, make_thread, add_reply, make_user, app):
    asker = make_user()
    thread = make_thread(author=asker)
    helper = make_user()
    first = add_reply(thread, helper, "Erste Antwort")  # asker: REPLY (to the opening post)
    replier = auth.login()
    client.post(f"/foren/thema/{thread.id}/antworten",
                data={"body": "Ergänzung", "parent_id": first.id})
    kinds = _kinds(app)
    assert (helper.id, "reply") in kinds
    assert (asker.id, "watched_thread") in kinds
    assert not any(user_id == replier.id for user_id, _ in kinds)
    assert len([k for k in kinds if k[0] == helper.id]) == 1


def test_mention_wins_over_reply_and_watch(client, auth, make_thread, add_reply, make_user, app):
    asker = make_user(display_name="Greta Gefragt")
    thread = make_thread(author=asker)
    auth.login()
    client.post(f"/foren/thema/{thread.id}/antworten", data={"body": "Danke @[greta gefragt]!"})
    with app.app_context():
        notes = db.session.query(Notification).filter_by(user_id=asker.id).all()
        assert [n.kind for n in notes] == ["mention"]
        assert notes[0].group_key == f"thread:{thread.id}"
        assert notes[0].url.startswith(f"/foren/thema/{thread.id}-") and "#post-" in notes[0].url


def test_category_watchers_hear_of_new_threads(client, auth, make_category, make_user, app):
    category = make_category("Veranstaltungen")
    watcher = make_user()
    auth.login(watcher)
    client.post(f"/foren/kategorie/{category.id}/beobachten", data={"on": "1"})
    auth.logout()
    auth.login()
    client.post(f"/foren/{category.slug}/neu", data={
        "title": "MINT:Barcamp 2027", "kind": "discussion", "body": "Wer kommt mit?"})
    assert (watcher.id, "watched_category") in _kinds(app)


def test_starting_and_replying_watches_the_thread_and_unwatch_works(
        client, auth, make_thread, make_user, app):
    member = auth.login()
    thread = make_thread()
    client.post(f"/foren/thema/{thread.id}/antworten", data={"body": "Ich auch"})
    with app.app_context():
        assert db.session.get(ThreadWatch, (member.id, thread.id)) is not None
    client.post(f"/foren/thema/{thread.id}/beobachten", data={"on": "0"})
    with app.app_context():
        assert db.session.get(ThreadWatch, (member.id, thread.id)) is None


def test_member_search_finds_display_names_for_mentions(client, auth, make_user):
    make_user(display_name="Fritz Feuerwehr", listed_in_directory=True)
    auth.login()
    data = client.get("/foren/mitglieder-suche?q=fri").get_json()
    assert data == [{"name": "Fritz Feuerwehr", "mention": "@[Fritz Feuerwehr]"}]


def test_member_search_leaves_out_members_not_listed_in_the_directory(client, auth, make_user):
    make_user(display_name="Frida Verborgen", listed_in_directory=False)
    make_user(display_name="Fritz Sichtbar", listed_in_directory=True)
    make_user(display_name="Franz Ohneprofil")
    auth.login()
    data = client.get("/foren/mitglieder-suche?q=fr").get_json()
    assert [person["name"] for person in data] == ["Fritz Sichtbar"]


def test_member_search_offers_unlisted_people_who_wrote_in_the_thread(client, auth, make_user,
                                                                    make_thread, add_reply):
    writer = make_user(display_name="Frida Verborgen", listed_in_directory=False)
    make_user(display_name="Frieda Fremd", listed_in_directory=False)
    thread = make_thread()
    add_reply(thread, writer, "Ich war hier.")
    auth.login()
    in_thread = client.get(f"/foren/mitglieder-suche?q=fri&thread={thread.id}").get_json()
    assert [person["name"] for person in in_thread] == ["Frida Verborgen"]
    elsewhere = client.get("/foren/mitglieder-suche?q=fri").get_json()
    assert elsewhere == []


def test_reply_form_asks_the_member_search_about_its_thread(client, auth, make_thread):
    thread = make_thread()
    auth.login()
    page = client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    assert f'data-mention-url="/foren/mitglieder-suche?thread={thread.id}"' in page
