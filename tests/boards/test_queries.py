"""The thread and category pages load with a fixed number of SQL queries."""
import pytest

from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Category, Post, Reaction, Thread
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db


def _bulk_replies(app, thread_id, author_id, count):
    """Many replies, half of them nested, some reactions — written directly for speed."""
    with app.app_context():
        opening = db.session.query(Post).filter_by(thread_id=thread_id).one()
        authors = [User(email=f"bulk{thread_id}-{i}@example.org", display_name=f"Bulk {i}",
                        password_hash="x") for i in range(5)]
        db.session.add_all(authors)
        db.session.flush()
        parent_id = opening.id
        for i in range(count):
            post = Post(thread_id=thread_id, parent_id=parent_id, body_md=f"A{i}",
                        body_html=f"<p>A{i}</p>", author_id=authors[i % 5].id,
                        created_at=utcnow())
            db.session.add(post)
            db.session.flush()
            parent_id = post.id if i % 2 else opening.id
            if i % 7 == 0:
                db.session.add(Reaction(post_id=post.id, user_id=author_id, kind="helpful"))
        thread = db.session.get(Thread, thread_id)
        thread.reply_count = count
        db.session.commit()


def _thread_page_queries(client, count_queries, thread_id):
    client.get(f"/foren/thema/{thread_id}")  # first view writes the read position
    with count_queries() as queries:
        response = client.get(f"/foren/thema/{thread_id}")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("replies", [10, 500])
def test_thread_page_query_count_is_fixed(client, auth, make_thread, app, count_queries,
                                          replies):
    member = auth.login()
    thread = make_thread(author=member)
    _bulk_replies(app, thread.id, member.id, replies)
    assert _thread_page_queries(client, count_queries, thread.id) <= 8
    # and the same number however many replies there are:
    second = make_thread(author=member)
    _bulk_replies(app, second.id, member.id, 10 if replies == 500 else 500)
    assert _thread_page_queries(client, count_queries, second.id) == \
        _thread_page_queries(client, count_queries, thread.id)


def _bulk_threads(app, category_id, author_id, count):
    with app.app_context():
        now = utcnow()
        db.session.add_all([Thread(category_id=category_id, title=f"Thema {i}", author_id=author_id,
                                   last_post_author_id=author_id, last_post_at=now,
                                   created_at=now) for i in range(count)])
        db.session.commit()


@pytest.mark.parametrize("threads", [10, 500])
def test_category_page_query_count_is_fixed(client, auth, make_category, app, count_queries,
                                            threads):
    member = auth.login()
    small, large = make_category("Klein"), make_category("Groß")
    _bulk_threads(app, small.id, member.id, 10)
    _bulk_threads(app, large.id, member.id, threads)
    counts = []
    for category in (small, large):
        with count_queries() as queries:
            assert client.get(f"/foren/{category.slug}").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 7  # incl. the header's unread-badge count


def test_index_query_count_is_fixed(client, auth, make_category, app, count_queries):
    member = auth.login()
    for i in range(5):
        _bulk_threads(app, make_category(f"K{i}").id, member.id, 3)
    with count_queries() as queries:
        client.get("/foren/")
    assert len(queries) <= 4
    with app.app_context():
        assert db.session.query(Category).count() == 5


def _writes(queries):
    return [q for q in queries if q.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_thread_view_writes_at_most_the_read_position(client, auth, make_thread, add_reply,
                                                      make_user, count_queries):
    member = auth.login()
    thread = make_thread(author=member, replies=3)
    add_reply(thread, make_user())
    with count_queries() as queries:
        client.get(f"/foren/thema/{thread.id}")
    writes = _writes(queries)
    assert len(writes) == 1 and "thread_reads" in writes[0]
    with count_queries() as queries:
        client.get(f"/foren/thema/{thread.id}")
    assert _writes(queries) == []
