"""The results page: header field everywhere, tabs and filters, highlighted snippets,
hints when nothing is found, and bad input answered without an error page."""
import pytest

from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Category
from alumni_hub.extensions import db
from tests.search.builders import result_titles


def test_every_page_has_the_header_search_field(auth, client):
    auth.login()
    for path in ("/", "/foren/", "/wiki/", "/suche/"):
        page = client.get(path).get_data(as_text=True)
        assert 'role="search"' in page and 'name="q"' in page and "data-search-shortcut" in page
        assert "js/search.js" in page


def test_logged_out_visitor_gets_no_search(client):
    response = client.get("/suche/?q=Feuerwehr")
    assert response.status_code == 302 and "/konto/anmelden" in response.headers["Location"]
    assert "data-search-shortcut" not in client.get("/konto/anmelden").get_data(as_text=True)


def test_snippet_highlights_matches_and_escapes_user_text(auth, client, search_thread):
    auth.login()
    search_thread("Feuerwehren als Lernort",
                  "Die <script>alert(1)</script> Jugendfeuerwehr und die Feuerwehren helfen.")
    page = client.get("/suche/?q=Feuerwehr").get_data(as_text=True)
    assert "<mark>Feuerwehren</mark> als Lernort" in page
    assert "die <mark>Feuerwehren</mark> helfen" in page
    assert "<script>alert" not in page


def test_tabs_count_hits_per_kind_and_filter(auth, client, search_thread, search_page,
                                             search_member):
    auth.login()
    search_thread("Robotik-AG", "Wir bauen Roboter.")
    search_page("Robotik", "Robotik in der Grundschule.")
    search_member("Ada Lovelace", can_help_with="Robotik")
    page = client.get("/suche/?q=Robotik").get_data(as_text=True)
    assert "Forum (1)" in page and "Wiki (1)" in page and "Mitglieder (1)" in page
    wiki_only = client.get("/suche/?q=Robotik&art=wiki")
    assert result_titles(wiki_only) == ["Robotik"]


def test_category_author_and_time_filters(app, auth, client, make_user, search_thread,
                                          search_titles):
    auth.login()
    ada, kim = make_user(display_name="Ada"), make_user(display_name="Kim")
    search_thread("Roboter im Kreis", "Roboter bauen.", category="Projekte", author=ada)
    search_thread("Roboter in den Ferien", "Roboter programmieren.", category="Ferien",
                  author=kim)
    with app.app_context():
        slug = db.session.scalar(db.select(Category.slug).where(Category.name == "Ferien"))
    assert search_titles("Roboter", art="forum", kategorie=slug) == ["Roboter in den Ferien"]
    assert search_titles("Roboter", autor=str(ada.id)) == ["Roboter im Kreis"]
    assert sorted(search_titles("Roboter", zeit="woche")) == ["Roboter im Kreis",
                                                              "Roboter in den Ferien"]
    page = client.get(f"/suche/?q=Roboter&autor={ada.id}").get_data(as_text=True)
    assert "Nur von Ada" in page


def test_newest_first_among_equally_relevant_results(auth, search_thread, search_titles):
    auth.login()
    search_thread("Erstes Treffen", "Imkerei")
    search_thread("Zweites Treffen", "Imkerei")
    assert search_titles("Imkerei") == ["Zweites Treffen", "Erstes Treffen"]


def test_no_result_suggests_a_close_word_and_asking_in_the_forum(auth, client, search_thread):
    auth.login()
    search_thread("Experimentierkisten ausleihen", "Die Bibliothek verleiht Experimentierkisten.")
    page = client.get("/suche/?q=Experimentierkisen").get_data(as_text=True)
    assert "Keine Treffer für „Experimentierkisen“" in page
    assert "Meintest du" in page and "Experimentierkisten</a>" in page
    assert "/foren/neu?titel=Experimentierkisen" in page


def test_no_suggestion_from_words_only_hidden_content_has(app, auth, client, make_user,
                                                          search_thread):
    from alumni_hub.boards.services import moderation as moderating  # noqa: PLC0415
    from alumni_hub.boards.models import Post  # noqa: PLC0415

    _thread, (post_id,) = search_thread("Geheim", "Zaubertrank")
    moderator = make_user(role="moderator")
    with app.app_context():
        moderating.set_hidden(post=db.session.get(Post, post_id),
                              actor=db.session.get(User, moderator.id), hidden=True)
        db.session.commit()
    auth.login()
    assert "Meintest du" not in client.get("/suche/?q=Zaubertrunk").get_data(as_text=True)


def test_ask_in_forum_prefills_the_new_thread_title(auth, client, search_category):
    auth.login()
    search_category("Projekte")
    choose = client.get("/foren/neu?titel=Wer kennt Experimentierkisten?").get_data(as_text=True)
    assert "titel=Wer+kennt+Experimentierkisten" in choose or \
        "titel=Wer%20kennt%20Experimentierkisten" in choose
    form = client.get("/foren/projekte/neu?titel=Wer kennt Experimentierkisten?")
    assert 'value="Wer kennt Experimentierkisten?"' in form.get_data(as_text=True)


@pytest.mark.parametrize("query", [
    "", "   ", "x" * 2000, "Feuer " * 400, '"', '""', "*", "**", "NEAR(", "NEAR(a b)", "AND",
    "a AND OR NOT b", '"unbalanced phrase', 'Feuerwehr "', "-", "-Feuerwehr", "(((", ")",
    "'; DROP TABLE users; --", "1 OR 1=1", "%", "_", "\\", "Feuerwehr:*", "a & b | !c",
    "{title_terms} : x", "^Feuer", "\x00", "🔥 Feuerwehr", "die und der",
])
def test_bad_input_is_answered_without_an_error(auth, client, search_thread, query):
    auth.login()
    search_thread("Feuerwehren als Lernort", "Die Feuerwehr kommt.")
    response = client.get("/suche/", query_string={"q": query, "seite": "99999999999999",
                                                    "autor": "x", "art": "nix", "zeit": "?"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Suche" in page
    if "Feuerwehr" in query and not query.startswith("-"):
        assert result_titles(response) in ([], ["Feuerwehren als Lernort"])


def test_empty_and_overlong_queries_are_explained_next_to_the_field(auth, client):
    auth.login()
    assert "Gib ein oder mehrere Suchwörter ein." in client.get("/suche/?q=").get_data(
        as_text=True)
    long = client.get("/suche/", query_string={"q": "Feuerwehr " * 100}).get_data(as_text=True)
    assert "nur die ersten 200 Zeichen" in long
    only_excluded = client.get("/suche/?q=-Feuerwehr").get_data(as_text=True)
    assert "kein Wort, nach dem gesucht werden kann" in only_excluded


def test_results_page_query_count_does_not_grow_with_hits(auth, client, search_thread,
                                                          count_queries):
    auth.login()
    search_thread("Imkerei eins", "Imkerei", replies=["Imkerei"] * 3)
    with count_queries() as few:
        client.get("/suche/?q=Imkerei")
    search_thread("Imkerei zwei", "Imkerei", replies=["Imkerei"] * 30)
    with count_queries() as many:
        client.get("/suche/?q=Imkerei")
    assert len(many) == len(few)


def test_very_common_word_ranks_the_newest_matches_and_says_counts_are_capped(
        auth, client, monkeypatch, search_thread, search_page):
    from alumni_hub.search import queries  # noqa: PLC0415

    monkeypatch.setattr(queries, "WINDOW", 3)
    auth.login()
    search_page("Schule im Wiki", "Schule")
    for n in range(5):
        search_thread(f"Schule {n}", "Schule")
    page = client.get("/suche/?q=Schule").get_data(as_text=True)
    assert "Mehr als 3 Treffer" in page and "Forum (" not in page
    assert result_titles(client.get("/suche/?q=Schule")) == ["Schule 4", "Schule 3", "Schule 2"]
    # The oldest match is outside the window, but a filter that leaves too few still finds it.
    assert result_titles(client.get("/suche/?q=Schule&art=wiki")) == ["Schule im Wiki"]


def test_first_visit_shows_the_form_without_an_error_but_an_empty_search_gets_one(client, auth):
    auth.login()
    first = client.get("/suche/").get_data(as_text=True)
    assert 'name="q"' in first and "Gib ein oder mehrere Suchwörter ein." not in first
    empty = client.get("/suche/?q=").get_data(as_text=True)
    assert "Gib ein oder mehrere Suchwörter ein." in empty
