"""Creating pages: readable slugs, German messages on bad input, wiki links and backlinks."""
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.members.models import Topic
from alumni_hub.wiki.models import Page
from tests.wiki.builders import current_text


def _create(client, **data):
    form = {"title": "", "body": "", "summary": "", "save": "Speichern"}
    form.update(data)
    return client.post("/wiki/neu", data=form)


def test_member_creates_page_with_umlaut_title_and_readable_slug(client, auth, wiki_db):
    auth.login()
    response = _create(client, title="Öffentlichkeitsarbeit für Schülerlabore",
                       body="Pressemitteilungen **früh** planen.")
    assert response.location.endswith("/wiki/oeffentlichkeitsarbeit-fuer-schuelerlabore")
    html = client.get(response.location).get_data(as_text=True)
    assert "Öffentlichkeitsarbeit für Schülerlabore" in html
    assert "<strong>früh</strong>" in html
    assert "zuletzt bearbeitet von" in html


def test_empty_title_gets_german_message_and_keeps_text(client, auth):
    auth.login()
    response = _create(client, title="  ", body="Mein wertvoller Text")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Bitte gib der Seite einen Titel." in html
    assert "Mein wertvoller Text" in html


def test_duplicate_title_is_refused_with_message(client, auth, make_page):
    make_page(title="Praktikumswoche")
    auth.login()
    html = _create(client, title="praktikumswoche", body="Noch eine Fassung").get_data(as_text=True)
    assert "Es gibt schon eine Seite mit dem Titel „Praktikumswoche“." in html
    assert "Noch eine Fassung" in html


def test_link_syntax_error_is_shown_next_to_body_and_text_kept(client, auth, make_page):
    auth.login()
    html = _create(client, title="Neue Seite",
                   body="Siehe [[Förderprogramme").get_data(as_text=True)
    assert "ist nicht geschlossen" in html and "Siehe [[Förderprogramme" in html
    page = make_page(title="Vorhanden")
    response = client.post(f"/wiki/{page.slug}/bearbeiten", data={
        "body": "kaputt [[ ]]", "base_revision_id": page.revision_id, "save": "1"})
    assert "Ungültiger Wiki-Link in Zeile 1" in response.get_data(as_text=True)
    assert "kaputt [[ ]]" in response.get_data(as_text=True)


def test_link_to_missing_page_leads_to_create_form_until_page_exists(client, auth, make_page):
    source = make_page(title="MINT-Mobil-Ausstattung",
                       body="Mehr zu Geld unter [[Förderprogramme|Fördertöpfe]].")
    auth.login()
    html = client.get(f"/wiki/{source.slug}").get_data(as_text=True)
    assert 'href="/wiki/neu?titel=F%C3%B6rderprogramme"' in html
    form = client.get("/wiki/neu?titel=F%C3%B6rderprogramme").get_data(as_text=True)
    assert 'value="Förderprogramme"' in form
    _create(client, title="Förderprogramme", body="Stiftungen und Länderprogramme.")
    html = client.get(f"/wiki/{source.slug}").get_data(as_text=True)
    assert 'href="/wiki/foerderprogramme"' in html and ">Fördertöpfe</a>" in html


def test_page_lists_pages_that_link_to_it(client, auth, make_page):
    target = make_page(title="Experimentierkisten")
    make_page(title="Praktikumswoche", body="Mit [[experimentierkisten]] arbeiten.")
    make_page(title="Gelöscht", body="[[Experimentierkisten]]", deleted=True)
    auth.login()
    html = client.get(f"/wiki/{target.slug}").get_data(as_text=True)
    backlinks = html.split("Seiten, die hierher verlinken")[1]
    assert "Praktikumswoche" in backlinks and "Gelöscht" not in backlinks


def test_preview_renders_without_saving(client, auth, wiki_db):
    auth.login()
    response = client.post("/wiki/neu", data={"title": "Vorschau-Test", "body": "*kursiv*",
                                              "preview": "Vorschau"})
    assert "<em>kursiv</em>" in response.get_data(as_text=True)
    assert wiki_db(lambda: db.session.scalar(select(Page))) is None


def test_page_gets_topics_from_the_foundation_list(client, auth, wiki_db, app):
    with app.app_context():
        db.session.add(Topic(name="Berufsorientierung", slug="berufsorientierung"))
        db.session.commit()
        topic_id = db.session.scalar(select(Topic.id))
    auth.login()
    _create(client, title="Praktikumswoche", body="Text", topics=[str(topic_id)])
    index = client.get("/wiki/").get_data(as_text=True)
    assert "Berufsorientierung" in index and "Praktikumswoche" in index


def test_index_lists_pages_a_to_z_with_umlauts_under_base_letter(client, auth, make_page):
    make_page(title="Öffentlichkeitsarbeit")
    make_page(title="Ansprache von Unternehmen", body="Siehe [[Kooperationsvertrag]].")
    auth.login()
    html = client.get("/wiki/").get_data(as_text=True)
    assert 'id="buchstabe-O"' in html and 'id="buchstabe-A"' in html
    assert "Gewünschte Seiten" in html and "Kooperationsvertrag" in html


def test_markdown_is_sanitized(client, auth, wiki_db):
    auth.login()
    _create(client, title="XSS", body="<script>alert(1)</script> [x](javascript:alert(1))")
    html = client.get("/wiki/xss").get_data(as_text=True)
    # CommonMark keeps the rest of a raw <script> line as raw HTML: the link is literal text.
    assert "<script>alert(1)" not in html and 'href="javascript:' not in html
    assert wiki_db(lambda: current_text("xss")).startswith("<script>")


def test_same_title_created_at_the_same_instant_gets_message_not_error(client, auth, make_page,
                                                                        monkeypatch):
    from alumni_hub.wiki.services import creation as page_services

    make_page(title="Praktikumswoche")
    real_check = page_services.check_title
    calls = []

    def check_missing_the_other_save(title, **kwargs):
        calls.append(title)
        if len(calls) == 1:  # as if the other page was committed right after this check
            return "Praktikumswoche", "praktikumswoche"
        return real_check(title, **kwargs)

    monkeypatch.setattr(page_services, "check_title", check_missing_the_other_save)
    auth.login()
    response = _create(client, title="Praktikumswoche", body="Meine Fassung")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Es gibt schon eine Seite" in html and "Meine Fassung" in html
