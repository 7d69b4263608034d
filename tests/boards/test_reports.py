"""Reporting posts: not one's own, not twice; the moderators' queue pages with fixed queries."""
from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Post
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.moderation.models import Report


def _reports(app):
    with app.app_context():
        return [(r.target_id, r.reporter_id, r.reason) for r in db.session.query(Report)
                if r.target_type == "post"]


def test_member_cannot_report_own_post_and_keeps_the_text(client, auth, make_thread, add_reply,
                                                          app):
    author = auth.login()
    post = add_reply(make_thread(), author, "Mein Beitrag")
    form = client.get(f"/foren/beitrag/{post.id}/melden").get_data(as_text=True)
    assert "Deinen eigenen Beitrag kannst du nicht melden." in form
    page = client.post(f"/foren/beitrag/{post.id}/melden", data={"reason": "Aus Versehen"})
    text = page.get_data(as_text=True)
    assert 'class="field-error">Deinen eigenen Beitrag kannst du nicht melden.' in text
    assert "Aus Versehen" in text
    assert _reports(app) == []


def test_second_open_report_by_same_member_is_not_stored(client, auth, make_thread, add_reply,
                                                          make_user, app):
    post = add_reply(make_thread(), make_user(), "Werbung für Kaffeefahrten")
    reporter = auth.login()
    client.post(f"/foren/beitrag/{post.id}/melden", data={"reason": "Werbung"})
    again = client.post(f"/foren/beitrag/{post.id}/melden", data={"reason": "Immer noch Werbung"},
                        follow_redirects=True).get_data(as_text=True)
    assert "Du hast diesen Beitrag schon gemeldet." in again
    assert _reports(app) == [(post.id, reporter.id, "Werbung")]
    # Opening the form again says so right away.
    page = client.get(f"/foren/beitrag/{post.id}/melden", follow_redirects=True)
    assert "Du hast diesen Beitrag schon gemeldet." in page.get_data(as_text=True)


def test_another_member_may_report_a_post_already_reported(client, auth, make_thread,
                                                            add_reply, make_user, app):
    post = add_reply(make_thread(), make_user())
    first = auth.login()
    client.post(f"/foren/beitrag/{post.id}/melden", data={"reason": "Werbung"})
    auth.logout()
    second = auth.login()
    client.post(f"/foren/beitrag/{post.id}/melden", data={"reason": "Spam"})
    assert sorted(r[1] for r in _reports(app)) == sorted([first.id, second.id])


def _queue(app, thread, count, group="A"):
    """`count` open reports, each of a different post by a different reporter (the posts'
    author is the thread's, so loading the posts does not load the reporters as well)."""
    with app.app_context():
        for i in range(count):
            user = User(email=f"melder{group}{i}@example.org",
                        display_name=f"Melder {group}{i:02d}", password_hash="x")
            db.session.add(user)
            post = Post(thread_id=thread.id, author_id=thread.author_id, body_md=f"B{i}",
                        body_html=f"<p>Beitrag {i:02d}</p>", created_at=utcnow())
            db.session.add(post)
            db.session.flush()
            db.session.add(Report(reporter_id=user.id, target_type="post", target_id=post.id,
                                  reason=f"Grund {i:02d}", created_at=utcnow()))
        db.session.commit()


def _queue_queries(client, count_queries, url="/moderation/meldungen"):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.get_data(as_text=True)


def test_report_queue_query_count_does_not_grow_with_reports(client, auth, make_thread, app,
                                                             count_queries):
    few, many = make_thread(), make_thread()
    _queue(app, few, 3)
    auth.login(role="moderator")
    small, page = _queue_queries(client, count_queries)
    assert "Gemeldet von Melder A02" in page
    _queue(app, many, 30, group="B")  # 33 open reports now: more than one page
    large, page = _queue_queries(client, count_queries)
    assert large == small <= 8
    assert "Gemeldet von Melder B16" in page


def test_report_queue_is_paginated(client, auth, make_thread, app):
    _queue(app, make_thread(), 30)
    auth.login(role="moderator")
    first = client.get("/moderation/meldungen").get_data(as_text=True)
    second = client.get("/moderation/meldungen?page=2").get_data(as_text=True)
    per_page = app.config["PER_PAGE"]
    assert first.count('class="report"') == per_page
    assert second.count('class="report"') == 30 - per_page
    assert "Grund 00" in first and "Grund 29" not in first and "Grund 29" in second
    assert "Seite 1 von 2" in first
