"""Saves that lose a race against another request end in a German message, never a 500,
and the typed text is still in the form. The rival's save is a real commit on a second
connection, made at the worst moment; the clash is the database's own unique constraint."""
from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page
from alumni_hub.wiki.services import conflicts, revisions
from alumni_hub.wiki.services import creation as pages
from tests.wiki.builders import current_text, revision_count


def _commit_rival_revision(app, page_id, user_id, text):
    with app.app_context():  # a second connection, like another request
        rival = db.session.get(Page, page_id)
        revisions.add_revision(page=rival, actor=db.session.get(User, user_id), body_md=text)
        db.session.commit()


def test_edit_that_loses_the_race_twice_shows_message_and_keeps_text(
        app, client, auth, make_page, make_user, monkeypatch, wiki_db):
    page = make_page(body="Eins.\n\nZwei.\n\nDrei.")
    rival = make_user()
    real_save = conflicts.save_edit
    calls = []

    def save_after_rival(**kwargs):
        calls.append(1)
        _commit_rival_revision(app, page.id, rival.id, f"Eins, Fassung {len(calls)}.\n\nZwei.\n\nDrei.")
        return real_save(**kwargs)

    monkeypatch.setattr(conflicts, "save_edit", save_after_rival)
    auth.login()
    response = client.post(f"/wiki/{page.slug}/bearbeiten", data={
        "body": "Eins.\n\nZwei.\n\nMein sorgfältiger Text.", "base_revision_id": page.revision_id, "save": "1"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and len(calls) == 2
    assert "gleichzeitig von jemand anderem gespeichert" in html
    assert "Mein sorgfältiger Text." in html
    assert wiki_db(lambda: current_text(page.slug)) == "Eins, Fassung 2.\n\nZwei.\n\nDrei."


def test_create_that_loses_the_race_twice_shows_message_and_keeps_text(
        client, auth, make_page, monkeypatch, wiki_db):
    make_page(title="Praktikumswoche", body="Erste Fassung")
    # As if the other page appeared right after each title check.
    monkeypatch.setattr(pages, "check_title", lambda title, **kw: (title, "praktikumswoche"))
    auth.login()
    response = client.post("/wiki/neu", data={"title": "Praktikumswoche",
                                              "body": "Meine Fassung", "save": "1"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "gleichzeitig eine Seite mit diesem Titel entstanden" in html
    assert "Meine Fassung" in html
    assert wiki_db(lambda: current_text("praktikumswoche")) == "Erste Fassung"


def test_restore_that_loses_the_race_shows_message_and_adds_nothing(
        app, client, auth, make_page, make_user, monkeypatch, wiki_db):
    page = make_page(body="Ursprünglicher Tipp.", edits=["Verschlimmbessert."])
    rival = make_user()
    real_restore = revisions.restore_revision

    def restore_after_rival(**kwargs):
        _commit_rival_revision(app, page.id, rival.id, "Ganz neu gefasst.")
        return real_restore(**kwargs)

    monkeypatch.setattr(revisions, "restore_revision", restore_after_rival)
    auth.login()
    response = client.post(f"/wiki/{page.slug}/version/1/wiederherstellen")
    assert response.status_code == 302 and response.location.endswith("/versionen")
    shown = client.get(response.location).get_data(as_text=True)
    assert "Version 1 wurde" in shown and "nicht wiederhergestellt" in shown
    assert wiki_db(lambda: current_text(page.slug)) == "Ganz neu gefasst."
    assert wiki_db(lambda: revision_count(page.slug)) == 3
