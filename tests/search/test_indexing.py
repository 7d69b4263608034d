"""The index follows every write in the same transaction: posts, edits, hides, deletes, renames."""
from datetime import timedelta

from alumni_hub.accounts.models import User
from alumni_hub.boards.services import moderation as moderating
from alumni_hub.boards.services import posts, threads
from alumni_hub.boards.models import Post, Thread
from alumni_hub.extensions import db
from alumni_hub.search.models import SearchDocument


def test_new_thread_is_found_by_title_and_body(auth, search_thread, search_titles):
    auth.login()
    search_thread("Feuerwehren als Lernort", "Die Jugendfeuerwehr zeigt Experimente.")
    assert search_titles("Feuerwehr") == ["Feuerwehren als Lernort"]
    assert search_titles("Experimente") == ["Feuerwehren als Lernort"]


def test_edited_post_is_found_by_its_new_text_only(app, auth, search_thread, search_titles):
    user = auth.login()
    _thread_id, (post_id,) = search_thread("Ferienprogramm", "Alter Text über Robotik.",
                                           author=user)
    with app.app_context():
        posts.edit_post(post=db.session.get(Post, post_id),
                        editor=db.session.get(User, user.id), body_md="Neuer Text über Imkerei.")
        db.session.commit()
    assert search_titles("Imkerei") == ["Ferienprogramm"]
    assert search_titles("Robotik") == []


def test_renamed_thread_shows_new_title_on_every_post(app, auth, search_thread, search_titles):
    auth.login()
    thread_id, _ids = search_thread("Alter Titel", "Eröffnung zur Imkerei.",
                                    replies=["Antwort zur Imkerei."])
    with app.app_context():
        threads.rename_thread(db.session.get(Thread, thread_id), "Bienen im Schulgarten")
        db.session.commit()
    assert search_titles("Imkerei") == ["Bienen im Schulgarten", "Bienen im Schulgarten"]
    assert search_titles("Bienen") == ["Bienen im Schulgarten"]


def test_rolled_back_write_leaves_no_trace_in_the_index(app, make_user, search_category):
    category_id = search_category()
    author = make_user()
    with app.app_context():
        from alumni_hub.boards.models import Category  # noqa: PLC0415

        threads.create_thread(author=db.session.get(User, author.id),
                              category=db.session.get(Category, category_id),
                              title="Verworfen", kind="discussion", body_md="Entwurf")
        db.session.flush()
        db.session.rollback()
        db.session.commit()
        assert db.session.scalar(db.select(db.func.count(SearchDocument.id))) == 0


def test_deleted_post_is_removed_from_the_index(app, auth, search_thread, search_titles):
    user = auth.login()
    _thread_id, (_opening, reply_id) = search_thread(
        "Schwimmvereine", "Kooperation mit dem Schwimmverein.",
        replies=["Rettungsschwimmer erklären Auftrieb."], author=user)
    with app.app_context():
        posts.delete_post(post=db.session.get(Post, reply_id), actor=db.session.get(User, user.id))
        db.session.commit()
    assert search_titles("Rettungsschwimmer") == []


def test_hidden_post_is_found_by_moderators_only(app, auth, make_user, client,
                                                 search_thread, search_titles):
    _thread_id, (_opening, reply_id) = search_thread(
        "Schwimmvereine", "Kooperation.", replies=["Werbung für Zaubertrank."])
    moderator = make_user(role="moderator")
    with app.app_context():
        moderating.set_hidden(post=db.session.get(Post, reply_id),
                              actor=db.session.get(User, moderator.id), hidden=True)
        db.session.commit()
    auth.login()
    assert search_titles("Zaubertrank") == []
    auth.logout()
    auth.login(moderator)
    assert search_titles("Zaubertrank") == ["Schwimmvereine"]
    assert "nur für Moderation sichtbar" in client.get("/suche/?q=Zaubertrank").get_data(
        as_text=True)


def test_reindex_is_idempotent(app, runner, search_thread, search_page):
    search_thread("Praktikumswoche", "Eine Woche im Betrieb.", replies=["Gute Idee."])
    search_page("Förderprogramme", "Übersicht über Förderprogramme.")
    with app.app_context():
        before = sorted(db.session.execute(db.select(
            SearchDocument.source, SearchDocument.source_id, SearchDocument.body_terms)).all())
    for _ in range(2):
        result = runner.invoke(args=["search-reindex"])
        assert result.exit_code == 0, result.output
    assert "post: 2" in result.output and "page: 1" in result.output
    with app.app_context():
        after = sorted(db.session.execute(db.select(
            SearchDocument.source, SearchDocument.source_id, SearchDocument.body_terms)).all())
    assert after == before


def test_reindex_numbers_documents_oldest_first_across_features(app, runner, search_thread,
                                                                 search_page):
    """The index row id stands for "newest" when a common word is ranked (backends.py):
    after a rebuild, a wiki page older than a post must not come after it."""
    _thread_id, post_ids = search_thread("Praktikumswoche", "Eine Woche im Betrieb.",
                                         replies=["Gute Idee."])
    search_page("Förderprogramme", "Übersicht über Förderprogramme.")
    with app.app_context():
        from alumni_hub.core.db import utcnow  # noqa: PLC0415
        from alumni_hub.wiki.models import Page  # noqa: PLC0415

        page = db.session.scalar(db.select(Page))
        page_id = page.id
        page.updated_at = utcnow() - timedelta(days=30)
        newest = db.session.get(Post, post_ids[0])
        newest.created_at = utcnow() + timedelta(minutes=5)
        db.session.commit()
    assert runner.invoke(args=["search-reindex"]).exit_code == 0
    with app.app_context():
        numbered = db.session.execute(db.select(SearchDocument.source, SearchDocument.source_id)
                                      .order_by(SearchDocument.id)).all()
    assert numbered == [("page", page_id), ("post", post_ids[1]), ("post", post_ids[0])]
