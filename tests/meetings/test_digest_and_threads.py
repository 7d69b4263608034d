"""The meetings' digest section, and proposing a forum thread as a topic."""
from datetime import timedelta

from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.boards.services import categories, threads
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import AgendaItem, Meeting
from alumni_hub.notifications import sections


def _section(app, user, since):
    with app.test_request_context():
        items = dict(sections.collect(db.session.get(User, user.id), since=since))
        return items.get("Treffen", [])


def test_digest_lists_new_and_cancelled_meetings_and_published_recaps(app, make_meeting,
                                                                      make_user):
    reader = make_user()
    make_meeting(title="Neues Treffen")
    cancelled = make_meeting(title="Abgesagtes Treffen", days=9)
    recap = make_meeting(title="Treffen mit Protokoll", days=-5)
    with app.app_context():
        db.session.get(Meeting, cancelled.id).status = "cancelled"
        row = db.session.get(Meeting, recap.id)
        row.recap_published_at = utcnow()
        row.updated_at = row.created_at = utcnow() - timedelta(days=20)
        db.session.commit()
    items = {i.title: i.text for i in _section(app, reader, utcnow() - timedelta(hours=1))}
    assert items["Neues Treffen"].startswith("neu:")
    assert items["Treffen mit Protokoll"] == "Das Protokoll ist online"
    assert "Abgesagtes Treffen" in items


def test_forum_thread_proposed_for_the_next_meeting_links_both_ways(app, client, auth,
                                                                    make_meeting, make_user):
    meeting = make_meeting()
    author = make_user()
    with app.app_context():
        actor = db.session.get(User, author.id)
        category = categories.create_category(actor=actor, name="Tipps")
        thread_id = threads.create_thread(author=actor, category=category, kind="discussion",
                                          title="Schwimmvereine als Lernorte",
                                          body_md="Erfahrungen?").id
        db.session.commit()
    auth.login()
    form = client.get(f"/treffen/vorschlagen?thread={thread_id}").get_data(as_text=True)
    assert "Schwimmvereine als Lernorte" in form
    client.post(f"/treffen/vorschlagen?thread={thread_id}", data={
        "title": "Schwimmvereine als Lernorte", "description": "", "thread": str(thread_id)})
    with app.app_context():
        item = db.session.scalar(select(AgendaItem))
        assert (item.meeting_id, item.thread_id) == (meeting.id, thread_id)
    page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    assert f"/foren/thema/{thread_id}" in page


def test_proposing_an_unknown_thread_is_not_found(client, auth):
    auth.login()
    response = client.get("/treffen/vorschlagen?thread=999")
    assert response.status_code == 404 and "nicht gefunden" in response.get_data(as_text=True)


def test_thread_page_offers_to_propose_the_thread_for_the_next_meeting(client, auth,
                                                                      make_thread):
    thread = make_thread(title="Ferienangebote planen")
    auth.login()
    page = client.get(f"/foren/thema/{thread.id}", follow_redirects=True).get_data(as_text=True)
    assert "Ferienangebote planen" in page
    assert f'href="/treffen/vorschlagen?thread={thread.id}">Fürs nächste Treffen vorschlagen' \
        in page
