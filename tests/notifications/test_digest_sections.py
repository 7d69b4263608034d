"""The boards' and wiki's digest sections: what a reader sees, in a bounded number of queries."""
from datetime import timedelta

from sqlalchemy import select, update

from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Category, Post, Thread
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications import digest, sections
from alumni_hub.notifications.emails import unsubscribe_token
from alumni_hub.notifications.kinds import Delivery, Kind
from alumni_hub.notifications.preferences import set_deliveries, user_deliveries
from alumni_hub.wiki.models import Page, Revision
from alumni_hub.wiki.services import revisions, watching


def _run(app, now=None):
    with app.app_context():
        return digest.send_digests(now=now or utcnow())


def _in_app(app, fn):
    with app.app_context():
        result = fn()
        db.session.commit()
        return result


def _digest_of(outbox, user):
    mails = [m for m in outbox(to=user.email) if "Tages-Überblick" in m.subject]
    assert len(mails) <= 1
    return mails[0].text_body if mails else ""


def _age_thread(app, thread, days):
    _in_app(app, lambda: db.session.execute(update(Thread).where(Thread.id == thread.id).values(
        created_at=utcnow() - timedelta(days=days))))


def test_new_tips_and_open_questions_of_others_appear_in_the_digest(
        app, make_user, make_thread, make_category, add_reply, outbox):
    reader, writer = make_user(), make_user(display_name="Max Mint")
    category = make_category(name="Lernorte")
    make_thread(author=writer, category=category, kind="discussion",
                title="Feuerwehren als außerschulische Lernorte")
    make_thread(author=writer, category=category, title="Was gehört in ein MINT-Mobil?")
    make_thread(author=reader, kind="discussion", title="Mein eigener Tipp")
    make_thread(author=reader, title="Meine eigene Frage")
    answered = make_thread(author=writer, title="Schon beantwortete Frage")
    solution = add_reply(answered, reader, "Probier es mit der Stadtbibliothek.")
    _in_app(app, lambda: db.session.execute(update(Thread).where(Thread.id == answered.id)
                                            .values(accepted_post_id=solution.id)))
    # A reply alone does not close a question: it stays open until one is accepted.
    replied = make_thread(author=writer, category=category, title="Frage mit erster Antwort")
    add_reply(replied, reader, "Vielleicht die Volkshochschule?")
    hidden = make_thread(author=writer, kind="discussion", title="Ausgeblendeter Tipp")
    _in_app(app, lambda: db.session.execute(update(Post).where(Post.thread_id == hidden.id)
                                            .values(hidden_at=utcnow())))
    archived = make_thread(author=writer, kind="discussion", title="Tipp im Archiv")
    _in_app(app, lambda: db.session.execute(update(Category).where(
        Category.id == archived.category_id).values(archived=True)))
    _age_thread(app, make_thread(author=writer, kind="discussion", title="Alter Tipp"), 3)

    _run(app)
    body = _digest_of(outbox, reader)
    assert ("Neue Tipps\n\n* Feuerwehren als außerschulische Lernorte – von Max Mint in "
            "„Lernorte“") in body
    assert "Offene Fragen\n\n* Frage mit erster Antwort – von Max Mint in „Lernorte“" in body
    assert "* Was gehört in ein MINT-Mobil? – von Max Mint in „Lernorte“" in body
    for absent in ("Mein eigener Tipp", "Meine eigene Frage", "Schon beantwortete Frage",
                   "Ausgeblendeter Tipp", "Tipp im Archiv", "Alter Tipp"):
        assert absent not in body
    assert "Mein eigener Tipp" in _digest_of(outbox, writer)


def test_second_digest_lists_only_what_is_new_since_the_first(app, make_user, make_thread,
                                                              outbox):
    reader, writer = make_user(), make_user()
    make_thread(author=writer, kind="discussion", title="Praktikumswoche planen")
    make_thread(author=writer, title="Wer kennt Förderprogramme?")
    _run(app)
    assert "Praktikumswoche planen" in _digest_of(outbox, reader)
    make_thread(author=writer, kind="discussion", title="Experimentierkisten ausleihen")
    _run(app, utcnow() + timedelta(days=1))
    second = outbox(to=reader.email)[-1].text_body
    assert "Experimentierkisten ausleihen" in second
    assert "Praktikumswoche planen" not in second
    # The old open question alone is no reason for a section (nor for a mail).
    assert "Offene Fragen" not in second


def test_old_unanswered_question_alone_sends_no_mail_again(app, make_user, make_thread, outbox):
    reader = make_user()
    make_thread(author=make_user(), title="Wer kennt Förderprogramme?")
    _run(app)
    _run(app, utcnow() + timedelta(days=1))
    assert len(outbox(to=reader.email)) == 1


def test_wiki_pages_changed_by_others_link_to_the_diff(app, make_user, make_page, outbox):
    reader, editor = make_user(), make_user(display_name="Wiki Wanda")
    changed = make_page(title="Experimentierkisten", author=editor, edits=["Neu: Mikroskope."])
    _in_app(app, lambda: db.session.execute(update(Revision).where(
        Revision.page_id == changed.id, Revision.number == 1).values(
        created_at=utcnow() - timedelta(days=3))))
    make_page(title="Förderprogramme", author=editor)
    make_page(title="Meine Seite", author=reader, edits=["Nur von mir."])
    make_page(title="Gelöschte Seite", author=editor, deleted=True)

    _run(app)
    body = _digest_of(outbox, reader)
    assert "Geänderte Wiki-Seiten" in body
    assert ("* Experimentierkisten – geändert von Wiki Wanda\n"
            "  http://127.0.0.1:5000/wiki/experimentierkisten/vergleich?von=1&bis=2") in body
    assert ("* Förderprogramme – neu angelegt von Wiki Wanda\n"
            "  http://127.0.0.1:5000/wiki/foerderprogramme") in body
    assert "Meine Seite" not in body and "Gelöschte Seite" not in body


def test_watched_page_is_listed_once_as_notification_not_again_as_section(
        app, make_user, make_page, outbox):
    reader, editor = make_user(), make_user(display_name="Wiki Wanda")
    page = make_page(title="Öffentlichkeitsarbeit", author=reader)

    def edit():  # what the edit route does
        stored, actor = db.session.get(Page, page.id), db.session.get(User, editor.id)
        revisions.add_revision(page=stored, actor=actor, body_md="Mehr Presse.")
        watching.notify_watchers(page=stored, actor=actor, url="/wiki/oeffentlichkeitsarbeit")

    _in_app(app, edit)  # the reader watches their page: a wiki_changed notification
    _run(app)
    body = _digest_of(outbox, reader)
    assert "Wiki Wanda hat die Wiki-Seite „Öffentlichkeitsarbeit“ geändert" in body
    assert "Geänderte Wiki-Seiten" not in body


def test_sections_follow_the_readers_choice_for_their_kind(app, make_user, make_thread,
                                                           make_page, outbox):
    reader, writer = make_user(), make_user()
    make_thread(author=writer, kind="discussion", title="Feuerwehren als Lernorte")
    make_page(title="Experimentierkisten", author=writer)
    _in_app(app, lambda: set_deliveries(user_id=reader.id,
                                        deliveries={Kind.WATCHED_CATEGORY: Delivery.APP}))
    _run(app)
    body = _digest_of(outbox, reader)
    assert "Experimentierkisten" in body and "Feuerwehren" not in body

    _in_app(app, lambda: set_deliveries(user_id=reader.id,
                                        deliveries={Kind.WIKI_CHANGED: Delivery.OFF}))
    _run(app, utcnow() + timedelta(days=1))
    assert len(outbox(to=reader.email)) == 1


def test_user_who_unsubscribed_from_the_digest_gets_no_sections(app, client, make_user,
                                                                make_thread, outbox):
    reader = make_user()
    make_thread(author=make_user(), kind="discussion", title="Feuerwehren als Lernorte")
    with app.app_context():
        token = unsubscribe_token(user_id=reader.id, kind="digest")
    client.post(f"/benachrichtigungen/abbestellen/{token}")
    _run(app)
    assert outbox(to=reader.email) == []


def test_section_queries_do_not_grow_with_users_or_items(app, make_user, make_thread,
                                                         make_category, make_page, count_queries):
    readers = [make_user() for _ in range(3)]
    writer, category = make_user(), make_category()

    def measure(extra):
        for i in range(extra):
            make_thread(author=writer, category=category, kind="discussion", title=f"Tipp {i}")
            make_thread(author=writer, category=category, title=f"Frage {i}")
            make_page(title=f"Seite {i} {extra}", author=writer)
        with app.app_context():
            users = db.session.scalars(select(User).where(
                User.id.in_([r.id for r in readers]))).all()
            deliveries = {u.id: user_deliveries(user_id=u.id) for u in users}
            now = utcnow()
            with count_queries() as prepare_queries:
                prepared = sections.prepare(now=now)
            with count_queries() as collect_queries:
                found = [sections.collect(u, since=now - timedelta(days=1), prepared=prepared,
                                          deliveries=deliveries[u.id]) for u in users]
        assert all(len(result) == 3 for result in found)  # tips, questions, wiki
        return len(prepare_queries), len(collect_queries)

    # One statement per section with shared data (tips, questions, wiki, meetings), two for
    # the buddies' (moderators only).
    assert measure(1) == measure(8) == (6, 0)


def test_digest_run_queries_do_not_grow_with_items(app, make_user, make_thread, make_category,
                                                   make_page, count_queries, outbox):
    readers = [make_user() for _ in range(2)]
    writer, category = make_user(), make_category()  # no builder below adds users

    def run_with(extra, now):
        for i in range(extra):
            make_thread(author=writer, category=category, kind="discussion", title=f"Tipp {i}")
            make_page(title=f"Seite {i} {extra}", author=writer)
        with count_queries() as queries:
            _run(app, now)
        return len(queries)

    first = run_with(1, utcnow())
    assert run_with(10, utcnow() + timedelta(days=1)) == first
    assert "Tipp 9" in outbox(to=readers[0].email)[-1].text_body
