"""Numbers too large for the database, typed into forms or query strings: a German message
next to the field (with what was typed kept) or, for harmless parameters, simply ignored."""
import logging

import pytest
from sqlalchemy import select

from alumni_hub.boards.models import Category, Post
from alumni_hub.buddies.models import BuddyPair
from alumni_hub.core.urls import MAX_PAGE, page_number
from alumni_hub.core.validation import MAX_DB_INT, bounded_int
from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page

HUGE = "9" * 30


@pytest.fixture
def out_of_range_logged(caplog):
    """True once the app-wide overflow handler (core.web) had to catch something."""
    caplog.set_level(logging.WARNING)
    return lambda: any("Out-of-range" in r.getMessage() for r in caplog.records)


def test_category_position_with_30_digits_is_explained_next_to_the_field(
        client, auth, app, out_of_range_logged):
    auth.login(role="moderator")
    response = client.post("/foren/kategorien", data={"name": "Praktika", "position": HUGE})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Die Reihenfolge muss eine Zahl zwischen 0 und 9999 sein." in page
    assert f'value="{HUGE}"' in page and 'value="Praktika"' in page
    assert not out_of_range_logged()
    with app.app_context():
        assert db.session.scalar(select(Category.id)) is None


def test_editing_a_category_refuses_a_position_beyond_the_column(client, auth, make_category,
                                                                 app):
    category = make_category(name="Praktika")
    auth.login(role="moderator")
    response = client.post(f"/foren/kategorien/{category.id}",
                           data={"name": "Praktika neu", "position": "3000000000"})
    assert "Die Reihenfolge muss eine Zahl zwischen 0 und 9999 sein." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Category, category.id).name == "Praktika"


@pytest.mark.parametrize("path", ["/mitglieder/", "/moderation/protokoll",
                                  "/moderation/benutzer", "/benachrichtigungen/",
                                  "/konto/einladen", "/foren/offene-fragen", "/wiki/aenderungen",
                                  "/treffen/", "/buddys/moderation"])
def test_huge_page_number_shows_the_first_page(client, auth, path, out_of_range_logged):
    auth.login(role="admin")
    response = client.get(path, query_string={"page": HUGE})
    assert response.status_code == 200
    assert "Seite nicht gefunden" not in response.get_data(as_text=True)
    assert not out_of_range_logged()


def test_huge_page_of_a_category_lists_its_first_threads(client, auth, make_thread):
    thread = make_thread(title="Praktikumswoche planen")
    auth.login()
    with client.application.app_context():
        slug = db.session.get(Category, thread.category_id).slug
    page = client.get(f"/foren/{slug}", query_string={"page": HUGE}).get_data(as_text=True)
    assert "Praktikumswoche planen" in page


@pytest.mark.parametrize("seite", [HUGE, str(MAX_DB_INT), str(MAX_PAGE + 1)])
def test_search_with_a_huge_page_shows_the_first_results(client, auth, search_thread, seite,
                                                         out_of_range_logged):
    search_thread("Feuerwehren als Lernort", "Die Feuerwehr kommt.")
    auth.login()
    response = client.get("/suche/", query_string={"q": "Feuerwehr", "seite": seite})
    assert response.status_code == 200
    assert "als Lernort" in response.get_data(as_text=True)  # the title, with "Feuerwehr" marked
    assert not out_of_range_logged()


def test_tampered_wiki_topic_is_refused_and_the_text_kept(client, auth, app,
                                                          out_of_range_logged):
    auth.login()
    response = client.post("/wiki/neu", data={"title": "Praktika", "body": "Mein Text",
                                             "topics": HUGE, "save": "1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Mein Text" in page
    assert "Ungültige Auswahl" in page
    assert not out_of_range_logged()
    with app.app_context():
        assert db.session.scalar(select(Page.id)) is None


def test_tampered_base_revision_is_treated_as_unknown_and_the_text_kept(
        client, auth, make_page, out_of_range_logged):
    page = make_page(body="Alt")
    auth.login()
    response = client.post(f"/wiki/{page.slug}/bearbeiten", data={
        "body": "Mein neuer Absatz", "summary": "", "base_revision_id": HUGE, "save": "1"})
    html = response.get_data(as_text=True)
    # Without a known base the edit cannot be merged: it is shown as a conflict to check.
    assert response.status_code == 409 and "Mein neuer Absatz" in html
    assert not out_of_range_logged()


def test_promoting_to_a_page_id_beyond_the_database_asks_for_an_existing_page(
        client, auth, make_thread, app, out_of_range_logged):
    thread = make_thread(body="Ein guter Tipp")
    auth.login()
    with app.app_context():
        post_id = db.session.scalar(select(Post.id).where(Post.thread_id == thread.id))
    response = client.post(f"/wiki/aus-beitrag/{post_id}", data={
        "mode": "append", "page_id": HUGE, "body": "Ein guter Tipp"})
    page = response.get_data(as_text=True)
    assert "Bitte wähle eine bestehende Seite." in page and "Ein guter Tipp" in page
    assert not out_of_range_logged()


def test_round_with_a_buddy_id_beyond_the_database_starts_no_pair(
        client, auth, make_user, make_buddy_offer, make_buddy_request, buddies_db,
        out_of_range_logged):
    make_buddy_offer()
    newcomer = make_buddy_request()
    auth.login(make_user(role="moderator"))
    response = client.post("/buddys/moderation/runde", data={
        "rows-0-request_id": newcomer.request_id, "rows-0-buddy_id": HUGE})
    assert response.status_code == 302
    assert buddies_db(lambda: db.session.scalar(select(BuddyPair.id))) is None
    assert not out_of_range_logged()


@pytest.mark.parametrize(("value", "number"), [
    ("7", 7), (7, 7), ("-3", None), ("0", None), (HUGE, None), ("²", None), ("", None),
    (None, None), (True, None), ("1.5", None), (" 4", None), (str(MAX_PAGE), MAX_PAGE)])
def test_bounded_int_takes_only_plain_numbers_in_range(value, number):
    assert bounded_int(value, minimum=1, maximum=MAX_PAGE) == number


def test_page_number_falls_back_to_the_first_page():
    assert [page_number(v) for v in ("3", HUGE, "-2", "x", None, MAX_PAGE + 1)] == [
        3, 1, 1, 1, 1, 1]
