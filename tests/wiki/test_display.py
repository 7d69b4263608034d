"""What readers see around the stored HTML: hints in their own language, never in the saver's,
and "Ehemaliges Mitglied" where an author's account is gone."""
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page, Revision
from alumni_hub.wiki.services import revisions


def _stored_html(slug):
    return db.session.scalar(select(Revision.body_html).join(Page, Revision.page_id == Page.id)
                             .where(Page.slug == slug).order_by(Revision.number.desc()))


def test_stored_html_of_missing_link_holds_no_words_of_the_savers_language(make_page, wiki_db):
    page = make_page(title="MINT-Mobil", body="Mehr unter [[Förderprogramme|Fördertöpfe]].")
    assert wiki_db(lambda: _stored_html(page.slug)) == (
        '<p>Mehr unter <a href="/wiki/neu?titel=F%C3%B6rderprogramme" '
        'rel="nofollow noopener">Fördertöpfe</a>.</p>')


def test_reader_sees_translated_hint_on_links_to_missing_pages_only(client, auth, make_page):
    make_page(title="Förderprogramme")
    page = make_page(title="MINT-Mobil", body="[[Förderprogramme]] und [[Sponsoring]].")
    auth.login()
    html = client.get(f"/wiki/{page.slug}").get_data(as_text=True)
    assert ('>Sponsoring<span class="wiki-missing-mark"> (Seite fehlt noch)</span></a>'
            in html)
    assert html.count("Seite fehlt noch") == 1
    assert "content:" not in client.get("/static/css/wiki.css").get_data(as_text=True)


def test_preview_and_old_revision_show_the_hint_too(client, auth, make_page):
    page = make_page(title="MINT-Mobil", body="[[Sponsoring]]", edits=["Anders."])
    auth.login()
    assert "(Seite fehlt noch)" in client.get(f"/wiki/{page.slug}/version/1").get_data(
        as_text=True)
    preview = client.post("/wiki/neu", data={"title": "X", "body": "[[Gibt es nicht]]",
                                             "preview": "1"}).get_data(as_text=True)
    assert "(Seite fehlt noch)" in preview


def test_conflict_with_edit_by_former_member_names_ehemaliges_mitglied(app, client, auth,
                                                                       make_page):
    page = make_page(body="Eins.")
    with app.app_context():  # an edit whose author's account was deleted since
        revisions.add_revision(page=db.session.get(Page, page.id), actor=None,
                               body_md="Eins von früher.")
        db.session.commit()
    auth.login()
    response = client.post(f"/wiki/{page.slug}/bearbeiten", data={
        "body": "Eins von mir.", "base_revision_id": page.revision_id, "save": "1"})
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "hat Ehemaliges Mitglied die Seite geändert" in html and "hat ? die" not in html
