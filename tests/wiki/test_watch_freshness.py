"""Watching pages notifies of changes; members confirm pages; a list shows stale pages."""
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.notifications.models import Notification


def _notes(wiki_db):
    return wiki_db(lambda: [(n.user_id, n.kind, n.url, n.group_key) for n in
                            db.session.scalars(select(Notification))])


def test_creator_is_notified_of_edit_with_diff_link(client, auth, make_page, make_user, wiki_db):
    creator = make_user()
    page = make_page(author=creator)
    auth.login()
    client.post(f"/wiki/{page.slug}/bearbeiten", data={
        "body": "Neuer Text", "base_revision_id": page.revision_id, "save": "1"})
    assert _notes(wiki_db) == [(creator.id, "wiki_changed",
                                f"/wiki/{page.slug}/vergleich?von=1&bis=2", f"wiki:{page.id}")]


def test_member_watches_and_unwatches_page(client, auth, make_page, make_user, wiki_db):
    page = make_page()
    watcher = auth.login()
    response = client.post(f"/wiki/{page.slug}/beobachten")
    shown = client.get(response.location).get_data(as_text=True)
    assert "Du beobachtest diese Seite jetzt" in shown
    auth.logout()
    auth.login(make_user())
    client.post(f"/wiki/{page.slug}/version/1/wiederherstellen")
    assert watcher.id in [n[0] for n in _notes(wiki_db)]
    auth.logout()
    auth.login(watcher)
    client.post(f"/wiki/{page.slug}/beobachten")
    assert "Beobachten</button>" in client.get(f"/wiki/{page.slug}").get_data(as_text=True)


def test_member_confirms_page_is_still_current(client, auth, make_page):
    page = make_page(confirmed_days_ago=400)
    user = auth.login()
    assert "Seit über einem Jahr nicht bestätigt" in client.get(f"/wiki/{page.slug}").get_data(
        as_text=True)
    client.post(f"/wiki/{page.slug}/bestaetigen")
    html = client.get(f"/wiki/{page.slug}").get_data(as_text=True)
    assert "Seit über einem Jahr nicht bestätigt" not in html
    # The confirmation line names the confirming member (every page shows the logged-in
    # name in the header, so look at that line only).
    confirmed = html.split("Zuletzt als aktuell bestätigt am", 1)[1].split("</", 1)[0]
    assert user.display_name in confirmed


def test_stale_list_shows_pages_unconfirmed_over_a_year_oldest_first(client, auth, make_page):
    make_page(title="Frisch", confirmed_days_ago=30)
    make_page(title="Alt", confirmed_days_ago=400)
    make_page(title="Uralt", confirmed_days_ago=900)
    make_page(title="Gelöscht alt", confirmed_days_ago=900, deleted=True)
    auth.login()
    html = client.get("/wiki/veraltet").get_data(as_text=True)
    assert "Frisch" not in html and "Gelöscht alt" not in html
    assert html.index("Uralt") < html.index(">Alt<")
