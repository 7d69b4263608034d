"""Moderator tools: pin, lock, move, hide, categories, the reports queue; all in the audit log."""
from alumni_hub.boards.models import Category, Post, Thread
from alumni_hub.extensions import db
from alumni_hub.moderation.models import AuditLogEntry, Report


def _actions(app):
    with app.app_context():
        return [e.action for e in db.session.query(AuditLogEntry).order_by(AuditLogEntry.id)]


def test_moderator_pins_and_locks_a_thread(client, auth, make_thread, make_category, app):
    category = make_category()
    old = make_thread(category=category, title="Alte Diskussion")
    make_thread(category=category, title="Neuere Diskussion")
    auth.login(role="moderator")
    client.post(f"/foren/thema/{old.id}/anheften")
    client.post(f"/foren/thema/{old.id}/schliessen")
    listing = client.get(f"/foren/{category.slug}").get_data(as_text=True)
    assert listing.index("Alte Diskussion") < listing.index("Neuere Diskussion")
    assert "Angeheftet" in listing and "Geschlossen" in listing
    with app.app_context():
        thread = db.session.get(Thread, old.id)
        assert thread.pinned and thread.locked
    assert _actions(app)[-2:] == ["thread.pinned", "thread.locked"]


def test_moderator_moves_a_thread(client, auth, make_thread, make_category, app):
    thread = make_thread()
    target = make_category("Berufsorientierung")
    auth.login(role="moderator")
    response = client.post(f"/foren/thema/{thread.id}/verschieben", data={"category": target.id})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Thread, thread.id).category_id == target.id
    assert "thread.moved" in _actions(app)


def test_moderator_hides_and_unhides_a_post(client, auth, make_thread, add_reply, make_user,
                                            app):
    thread = make_thread()
    post = add_reply(thread, make_user())
    auth.login(role="moderator")
    client.post(f"/foren/beitrag/{post.id}/ausblenden")
    with app.app_context():
        assert db.session.get(Post, post.id).hidden_at is not None
        assert db.session.get(Thread, thread.id).reply_count == 0
    client.post(f"/foren/beitrag/{post.id}/einblenden")
    with app.app_context():
        assert db.session.get(Thread, thread.id).reply_count == 1
    assert _actions(app)[-2:] == ["post.hidden", "post.unhidden"]


def test_moderator_creates_renames_orders_and_archives_categories(client, auth, app):
    auth.login(role="moderator")
    client.post("/foren/kategorien", data={"name": "Förderprogramme", "position": 2})
    client.post("/foren/kategorien", data={"name": "Veranstaltungen", "position": 1})
    index = client.get("/foren/").get_data(as_text=True)
    assert index.index("Veranstaltungen") < index.index("Förderprogramme")
    with app.app_context():
        category = db.session.query(Category).filter_by(name="Förderprogramme").one()
        assert category.slug == "foerderprogramme"
    assert "Archiviert" in client.get(f"/foren/kategorien/{category.id}").get_data(as_text=True)
    client.post(f"/foren/kategorien/{category.id}",
                data={"name": "Fördermittel", "position": 3, "archived": "y"})
    assert "Fördermittel" not in client.get("/foren/").get_data(as_text=True)
    assert _actions(app) == ["category.created", "category.created", "category.updated"]


def test_duplicate_category_name_is_refused(client, auth, make_category):
    make_category("Öffentlichkeitsarbeit")
    auth.login(role="moderator")
    page = client.post("/foren/kategorien", data={"name": "Öffentlichkeitsarbeit"})
    assert "gibt es schon" in page.get_data(as_text=True)


def test_renaming_a_category_to_a_taken_name_is_refused_and_keeps_the_input(
        client, auth, make_category, app):
    make_category("Öffentlichkeitsarbeit")
    category = make_category("Förderprogramme", description="Wer fördert was?")
    auth.login(role="moderator")
    page = client.post(f"/foren/kategorien/{category.id}", data={
        "name": "Öffentlichkeitsarbeit", "description": "Neu beschrieben", "position": 4,
    }).get_data(as_text=True)
    assert "Eine Kategorie mit diesem Namen gibt es schon." in page
    assert 'value="Öffentlichkeitsarbeit"' in page and "Neu beschrieben" in page
    with app.app_context():
        stored = db.session.get(Category, category.id)
        assert (stored.name, stored.description) == ("Förderprogramme", "Wer fördert was?")
    saved = client.post(f"/foren/kategorien/{category.id}", data={
        "name": "Fördermittel", "description": "Neu beschrieben", "position": 4,
    }, follow_redirects=True).get_data(as_text=True)
    assert "Die Kategorie ist gespeichert." in saved and "Fördermittel" in saved
    assert _actions(app) == ["category.created", "category.created", "category.updated"]


def _report(app, post, reporter, reason="Beleidigend"):
    with app.app_context():
        report = Report(reporter_id=reporter.id, target_type="post", target_id=post.id,
                        reason=reason)
        db.session.add(report)
        db.session.commit()
        return report.id


def test_reports_queue_hide_dismiss_delete(client, auth, make_thread, add_reply, make_user, app):
    thread = make_thread()
    reporter = make_user()
    posts = [add_reply(thread, make_user(), f"Beitrag {i}") for i in range(3)]
    ids = [_report(app, p, reporter, f"Grund {i}") for i, p in enumerate(posts)]
    auth.login(role="moderator")
    queue = client.get("/moderation/meldungen").get_data(as_text=True)
    assert "Grund 0" in queue and "Beitrag 2" in queue
    client.post(f"/moderation/meldungen/{ids[0]}/verwerfen")
    client.post(f"/moderation/meldungen/{ids[1]}/ausblenden")
    client.post(f"/moderation/meldungen/{ids[2]}/loeschen")
    with app.app_context():
        assert [db.session.get(Report, i).status for i in ids] == ["dismissed", "hidden", "deleted"]
        assert db.session.get(Post, posts[0].id).visible
        assert db.session.get(Post, posts[1].id).hidden_at is not None
        assert db.session.get(Post, posts[2].id).deleted_at is not None
    assert "Keine offenen Meldungen." in client.get("/moderation/meldungen").get_data(as_text=True)
    assert {"report.dismissed", "report.hidden", "report.deleted", "post.hidden",
            "post.deleted"} <= set(_actions(app))


def test_resolving_a_report_twice_says_so(client, auth, make_thread, add_reply, make_user, app):
    post = add_reply(make_thread(), make_user())
    report_id = _report(app, post, make_user())
    auth.login(role="moderator")
    client.post(f"/moderation/meldungen/{report_id}/verwerfen")
    page = client.post(f"/moderation/meldungen/{report_id}/loeschen", follow_redirects=True)
    assert "schon bearbeitet" in page.get_data(as_text=True)


def test_moderator_deletes_any_post_and_it_is_logged(client, auth, make_thread, add_reply,
                                                     make_user, app):
    post = add_reply(make_thread(), make_user(), "Unpassend")
    auth.login(role="moderator")
    client.post(f"/foren/beitrag/{post.id}/loeschen")
    with app.app_context():
        assert db.session.get(Post, post.id).deleted_at is not None
    assert "post.deleted" in _actions(app)


def test_moderator_may_still_reply_to_a_locked_thread(client, auth, make_thread, app):
    thread = make_thread()
    auth.login(role="moderator")
    client.post(f"/foren/thema/{thread.id}/schliessen")
    client.post(f"/foren/thema/{thread.id}/antworten", data={"body": "Abschließender Hinweis"})
    with app.app_context():
        assert db.session.get(Thread, thread.id).reply_count == 1
