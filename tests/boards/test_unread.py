"""The "neu" mark on the category page follows each reader's read positions."""
import re

from alumni_hub.boards.models import ThreadRead
from alumni_hub.extensions import db


def _row(listing: str, title: str) -> str:
    return next(row for row in re.findall(r"<tr.*?</tr>", listing, re.S) if title in row)


def _is_new(client, category, title) -> bool:
    listing = client.get(f"/foren/{category.slug}").get_data(as_text=True)
    return 'class="unread-mark"' in _row(listing, title)


def test_category_marks_threads_new_until_read_and_again_after_a_new_reply(
        client, auth, make_category, make_thread, add_reply, make_user, app):
    category, writer = make_category(), make_user()
    read = make_thread(author=writer, category=category, title="Gelesene Diskussion", replies=2)
    make_thread(author=writer, category=category, title="Ungelesene Diskussion")
    reader = auth.login()
    client.get(f"/foren/thema/{read.id}")
    with app.app_context():
        position = db.session.get(ThreadRead, (reader.id, read.id))
        assert position is not None and position.last_read_post_id > 0
    assert not _is_new(client, category, "Gelesene Diskussion")
    assert _is_new(client, category, "Ungelesene Diskussion")

    add_reply(read, make_user(), "Noch ein Tipp")
    assert _is_new(client, category, "Gelesene Diskussion")
    client.get(f"/foren/thema/{read.id}")
    assert not _is_new(client, category, "Gelesene Diskussion")


def test_own_reply_does_not_mark_a_read_thread_new(client, auth, make_category, make_thread,
                                                   make_user):
    category = make_category()
    thread = make_thread(author=make_user(), category=category, title="Eigene Antwort")
    auth.login()
    client.get(f"/foren/thema/{thread.id}")
    client.post(f"/foren/thema/{thread.id}/antworten", data={"body": "Meine Antwort"})
    assert not _is_new(client, category, "Eigene Antwort")
