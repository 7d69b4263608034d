"""Accepted answers: the asker (or a moderator) marks one reply; "gelöst"; open questions."""
from alumni_hub.boards.models import Thread
from alumni_hub.extensions import db
from alumni_hub.core.audit import AuditLogEntry


def test_asker_accepts_an_answer_shown_under_the_question_and_marked_solved(
        client, auth, make_thread, add_reply, make_user, app):
    asker = auth.login()
    thread = make_thread(author=asker)
    answer = add_reply(thread, make_user(display_name="Hilfreiche Helga"), "Mit Ferienpass!")
    response = client.post(f"/foren/beitrag/{answer.id}/als-antwort")
    assert response.status_code == 302
    page = client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    assert "gelöst" in page
    accepted = page.split('class="accepted-answer"', 1)[1]
    assert "Hilfreiche Helga" in accepted and "Mit Ferienpass!" in accepted
    assert page.index('class="accepted-answer"') < page.index('class="replies"')


def test_member_cannot_accept_an_answer_on_someone_elses_question(
        client, auth, make_thread, add_reply, make_user, app):
    thread = make_thread()
    answer = add_reply(thread, make_user())
    auth.login()
    response = client.post(f"/foren/beitrag/{answer.id}/als-antwort", follow_redirects=True)
    assert "Nur wer die Frage gestellt hat" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Thread, thread.id).accepted_post_id is None


def test_moderator_accepts_on_behalf_and_it_is_logged(client, auth, make_thread, add_reply,
                                                      make_user, app):
    thread = make_thread()
    answer = add_reply(thread, make_user())
    auth.login(role="moderator")
    client.post(f"/foren/beitrag/{answer.id}/als-antwort")
    with app.app_context():
        assert db.session.get(Thread, thread.id).accepted_post_id == answer.id
        assert db.session.query(AuditLogEntry).filter_by(
            action="thread.answer_accepted").count() == 1


def test_discussion_threads_have_no_accepted_answer(client, auth, make_thread, add_reply,
                                                    make_user, app):
    author = auth.login()
    thread = make_thread(author=author, kind="discussion")
    answer = add_reply(thread, make_user())
    page = client.post(f"/foren/beitrag/{answer.id}/als-antwort",
                       follow_redirects=True).get_data(as_text=True)
    assert "Nur bei Fragen" in page


def test_asker_can_take_the_mark_back(client, auth, make_thread, add_reply, make_user, app):
    asker = auth.login()
    thread = make_thread(author=asker)
    answer = add_reply(thread, make_user())
    client.post(f"/foren/beitrag/{answer.id}/als-antwort")
    with app.app_context():
        assert db.session.get(Thread, thread.id).accepted_post_id == answer.id
    assert "Akzeptierte Antwort" in client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    client.post(f"/foren/thema/{thread.id}/antwort-aufheben")
    with app.app_context():
        assert db.session.get(Thread, thread.id).accepted_post_id is None
    page = client.get(f"/foren/thema/{thread.id}").get_data(as_text=True)
    assert "Akzeptierte Antwort" not in page


def test_unanswered_filter_lists_only_open_questions(client, auth, make_thread, add_reply,
                                                     make_user):
    asker = auth.login()
    open_q = make_thread(author=asker, title="Offene Frage zu Förderprogrammen")
    solved = make_thread(author=asker, title="Gelöste Frage zum Barcamp")
    make_thread(author=asker, title="Ein Tipp zur Pressearbeit", kind="discussion")
    client.post(f"/foren/beitrag/{add_reply(solved, make_user()).id}/als-antwort")
    page = client.get("/foren/offene-fragen").get_data(as_text=True)
    assert open_q.title in page
    assert solved.title not in page and "Ein Tipp zur Pressearbeit" not in page


def test_category_filter_shows_only_unanswered_questions(client, auth, make_thread, make_category):
    category = make_category()
    asker = auth.login()
    make_thread(author=asker, category=category, title="Offene Frage zur Praktikumswoche")
    make_thread(author=asker, category=category, title="Tipp zum Newsletter", kind="discussion")
    page = client.get(f"/foren/{category.slug}?filter=offen").get_data(as_text=True)
    assert "Offene Frage zur Praktikumswoche" in page and "Tipp zum Newsletter" not in page
