"""History: every revision kept, any two compared word by word, restore adds a revision."""
from tests.wiki.builders import current_text, revision_count


def test_history_lists_revisions_newest_first_and_paginates(client, auth, make_page):
    page = make_page(edits=[f"Fassung {n}" for n in range(2, 26)])
    auth.login()
    html = client.get(f"/wiki/{page.slug}/versionen").get_data(as_text=True)
    assert html.index(">25</a>") < html.index(">24</a>")
    assert "Seite 1 von 2" in html and ">3</a>" not in html
    second = client.get(f"/wiki/{page.slug}/versionen?page=2").get_data(as_text=True)
    assert ">1</a>" in second


def test_compare_highlights_changed_words(client, auth, make_page):
    page = make_page(body="Die Kiste kostet 150 Euro.",
                     edits=["Die Kiste kostet 180 Euro.", "Die große Kiste kostet 180 Euro."])
    auth.login()
    html = client.get(f"/wiki/{page.slug}/vergleich?von=1&bis=3").get_data(as_text=True)
    assert "<del>150</del>" in html and "<ins>180</ins>" in html and "<ins> große</ins>" in html
    assert client.get(f"/wiki/{page.slug}/vergleich?von=1&bis=9").status_code == 404


def test_restore_creates_new_revision_and_keeps_history(client, auth, make_page, wiki_db):
    page = make_page(body="Ursprünglicher Tipp.", edits=["Verschlimmbessert."])
    auth.login()
    response = client.post(f"/wiki/{page.slug}/version/1/wiederherstellen")
    assert response.status_code == 302
    assert wiki_db(lambda: current_text(page.slug)) == "Ursprünglicher Tipp."
    assert wiki_db(lambda: revision_count(page.slug)) == 3
    old = client.get(f"/wiki/{page.slug}/version/2").get_data(as_text=True)
    assert "Verschlimmbessert." in old
    history = client.get(f"/wiki/{page.slug}/versionen").get_data(as_text=True)
    assert "Version 1 wiederhergestellt" in history


def test_recent_changes_span_all_pages(client, auth, make_page):
    make_page(title="Experimentierkisten", edits=["Neu gefasst"])
    make_page(title="Praktikumswoche")
    make_page(title="Geheim gelöscht", deleted=True)
    auth.login()
    html = client.get("/wiki/aenderungen").get_data(as_text=True)
    assert "Experimentierkisten" in html and "Praktikumswoche" in html
    assert "Geheim gelöscht" not in html
