"""A member presses "/" anywhere, types, and lands on highlighted results."""


def test_slash_focuses_header_search_and_shows_highlighted_results(
        page, login_as, make_user, search_thread):
    search_thread("Feuerwehren als Lernort", "Die Jugendfeuerwehr zeigt Experimente.")
    login_as(page, make_user())
    page.goto("/wiki/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type("Feuerwehr")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche/?q=Feuerwehr")
    assert page.inner_text("ol.search-results h2 mark") == "Feuerwehren"


def test_slash_typed_into_a_text_field_stays_there(page, login_as, make_user):
    login_as(page, make_user())
    page.goto("/wiki/neu")
    page.focus("input[name=title]")
    page.keyboard.type("a/b")
    assert page.input_value("input[name=title]") == "a/b"
