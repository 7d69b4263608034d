"""Moderators protect, rename, delete and restore pages; members cannot; all is audit-logged."""
import pytest
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.core.audit import AuditLogEntry
from alumni_hub.wiki.models import Page
from tests.wiki.builders import current_text


def _actions(wiki_db):
    return wiki_db(lambda: [e.action for e in db.session.scalars(
        select(AuditLogEntry).order_by(AuditLogEntry.id))])


def test_member_cannot_edit_protected_page(client, auth, make_page, wiki_db):
    page = make_page(body="Geprüfter Text", protected=True)
    auth.login()
    assert client.get(f"/wiki/{page.slug}/bearbeiten").status_code == 403
    response = client.post(f"/wiki/{page.slug}/bearbeiten", data={
        "body": "Vandalismus", "base_revision_id": page.revision_id, "save": "1"})
    assert response.status_code == 403
    assert client.post(f"/wiki/{page.slug}/version/1/wiederherstellen").status_code == 403
    assert wiki_db(lambda: current_text(page.slug)) == "Geprüfter Text"
    assert "Bearbeiten</a>" not in client.get(f"/wiki/{page.slug}").get_data(as_text=True)


def test_moderator_can_edit_protected_page(client, auth, make_page, wiki_db):
    page = make_page(protected=True)
    auth.login(role="moderator")
    client.post(f"/wiki/{page.slug}/bearbeiten", data={
        "body": "Moderiert", "base_revision_id": page.revision_id, "save": "1"})
    assert wiki_db(lambda: current_text(page.slug)) == "Moderiert"


@pytest.mark.parametrize("action", ["schuetzen", "loeschen", "wiederherstellen", "umbenennen"])
def test_member_cannot_use_moderator_actions(client, auth, make_page, action, wiki_db):
    page = make_page()
    auth.login()
    assert client.post(f"/wiki/{page.slug}/{action}", data={"title": "X"}).status_code == 403
    assert client.get(f"/wiki/{page.slug}").status_code == 200
    assert _actions(wiki_db) == []


def test_member_cannot_see_deleted_pages_list(client, auth):
    auth.login()
    assert client.get("/wiki/geloescht").status_code == 403


def test_moderator_protects_and_unprotects_with_audit_log(client, auth, make_page, wiki_db):
    page = make_page()
    auth.login(role="moderator")
    client.post(f"/wiki/{page.slug}/schuetzen")
    assert "geschützt" in client.get(f"/wiki/{page.slug}").get_data(as_text=True)
    client.post(f"/wiki/{page.slug}/schuetzen")
    assert _actions(wiki_db) == ["wiki.page_protected", "wiki.page_unprotected"]


def test_soft_delete_hides_page_and_restore_brings_it_back(client, auth, make_page, make_user,
                                                         wiki_db):
    page = make_page(title="Förderprogramme", body="Wichtiger Inhalt")
    linking = make_page(title="Praktikumswoche", body="Siehe [[Förderprogramme]].")
    moderator = make_user(role="moderator")
    auth.login(moderator)
    client.post(f"/wiki/{page.slug}/loeschen")
    assert "Förderprogramme" in client.get("/wiki/geloescht").get_data(as_text=True)
    auth.logout()
    auth.login()
    assert client.get(f"/wiki/{page.slug}").status_code == 404
    assert "/wiki/neu?titel=" in client.get(f"/wiki/{linking.slug}").get_data(as_text=True)
    auth.logout()
    auth.login(moderator)
    client.post(f"/wiki/{page.slug}/wiederherstellen")
    assert "Wichtiger Inhalt" in client.get(f"/wiki/{page.slug}").get_data(as_text=True)
    assert 'href="/wiki/foerderprogramme"' in client.get(f"/wiki/{linking.slug}").get_data(
        as_text=True)
    assert _actions(wiki_db) == ["wiki.page_deleted", "wiki.page_restored"]


def test_rename_keeps_history_and_old_slug_redirects(client, auth, make_page, wiki_db):
    page = make_page(title="Praktikumswoche", edits=["Zweite Fassung"])
    make_page(title="Übersicht", body="[[Praktikumswoche]]")
    auth.login(role="moderator")
    response = client.post(f"/wiki/{page.slug}/umbenennen",
                           data={"title": "Praktikumswoche für Schulen"})
    assert response.location.endswith("/wiki/praktikumswoche-fuer-schulen")
    old = client.get("/wiki/praktikumswoche")
    assert old.status_code == 301 and old.location.endswith("/wiki/praktikumswoche-fuer-schulen")
    assert client.get("/wiki/praktikumswoche/versionen").status_code == 301
    history = client.get("/wiki/praktikumswoche-fuer-schulen/versionen").get_data(as_text=True)
    assert "Zweite Fassung" not in history and "Umbenannt von" in history
    backlinks = client.get("/wiki/praktikumswoche-fuer-schulen").get_data(as_text=True)
    assert "Übersicht" in backlinks.split("Seiten, die hierher verlinken")[1]
    assert _actions(wiki_db) == ["wiki.page_renamed"]


def test_rename_to_existing_title_is_refused(client, auth, make_page):
    page = make_page(title="Praktikumswoche")
    make_page(title="Förderprogramme")
    auth.login(role="moderator")
    html = client.post(f"/wiki/{page.slug}/umbenennen", data={"title": "Förderprogramme"})
    assert "Es gibt schon eine Seite mit dem Titel" in html.get_data(as_text=True)


def test_old_title_of_renamed_page_cannot_be_taken_by_new_page(client, auth, make_page):
    page = make_page(title="Praktikumswoche")
    auth.login(role="moderator")
    client.post(f"/wiki/{page.slug}/umbenennen", data={"title": "Schnupperwoche"})
    html = client.post("/wiki/neu", data={"title": "Praktikumswoche", "body": "Neu",
                                          "save": "1"}).get_data(as_text=True)
    assert "gehörte früher zur Seite „Schnupperwoche“" in html


def test_deleting_or_restoring_twice_writes_one_audit_entry_each_and_says_so(client, auth,
                                                                            make_page, wiki_db):
    page = make_page(title="Förderprogramme")
    auth.login(role="moderator")
    client.post(f"/wiki/{page.slug}/loeschen")
    client.get("/wiki/geloescht")  # shows and clears the first message
    again = client.post(f"/wiki/{page.slug}/loeschen")
    assert "ist schon gelöscht" in client.get(again.location).get_data(as_text=True)
    client.post(f"/wiki/{page.slug}/wiederherstellen")
    client.get(f"/wiki/{page.slug}")
    again = client.post(f"/wiki/{page.slug}/wiederherstellen")
    assert "ist nicht gelöscht" in client.get(again.location).get_data(as_text=True)
    assert _actions(wiki_db) == ["wiki.page_deleted", "wiki.page_restored"]


def test_moderator_cannot_rename_deleted_page(client, auth, make_page, wiki_db):
    page = make_page(title="Förderprogramme")
    auth.login(role="moderator")
    client.post(f"/wiki/{page.slug}/loeschen")
    assert "Umbenennen</a>" not in client.get(f"/wiki/{page.slug}").get_data(as_text=True)
    response = client.post(f"/wiki/{page.slug}/umbenennen", data={"title": "Fördertöpfe"})
    assert "Eine gelöschte Seite kann nicht umbenannt werden." in response.get_data(as_text=True)
    assert wiki_db(lambda: current_text(page.slug)) == "Was in eine gute Kiste gehört."
    assert wiki_db(lambda: db.session.scalar(select(Page.title).where(Page.id == page.id))) \
        == "Förderprogramme"
    assert _actions(wiki_db) == ["wiki.page_deleted"]
