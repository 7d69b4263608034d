"""Authorization on objects, panels for the chat, the start-page card, bounded queries."""
from jinja2 import ChoiceLoader, DictLoader
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.meetings.models import AgendaItem
from alumni_hub.meetings.panels import register_meeting_panel, unregister_meeting_panel
from alumni_hub.notifications.models import Notification


def test_member_cannot_edit_another_members_proposal(app, client, auth, make_meeting,
                                                     make_agenda_topic, make_user):
    meeting = make_meeting()
    item = make_agenda_topic(meeting, make_user(), title="Original")
    auth.login()
    response = client.post(f"/treffen/thema/{item.id}/bearbeiten",
                           data={"title": "Übernommen", "description": ""})
    assert response.status_code == 403 and "Kein Zugriff" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(AgendaItem, item.id).title == "Original"


def test_proposer_and_moderator_may_edit_the_proposal(app, client, auth, make_meeting,
                                                      make_agenda_topic, make_user):
    meeting = make_meeting()
    proposer = make_user()
    item = make_agenda_topic(meeting, proposer)
    auth.login(proposer)
    client.post(f"/treffen/thema/{item.id}/bearbeiten", data={"title": "Neu gefasst",
                                                              "description": ""})
    auth.logout()
    auth.login(role="moderator")
    client.post(f"/treffen/thema/{item.id}/bearbeiten", data={"title": "Moderiert",
                                                              "description": ""})
    with app.app_context():
        assert db.session.get(AgendaItem, item.id).title == "Moderiert"


def test_member_cannot_schedule_or_cancel(app, client, auth, make_meeting):
    meeting = make_meeting()
    auth.login()
    assert client.post(f"/treffen/{meeting.id}/absagen").status_code == 403
    assert client.get("/treffen/reihe/neu").status_code == 403
    assert "abgesagt" not in client.get(f"/treffen/{meeting.id}").get_data(as_text=True)


def test_vote_and_take_back_and_no_vote_for_own_topic(app, client, auth, make_meeting,
                                                      make_agenda_topic, make_user):
    meeting = make_meeting()
    member = auth.login()
    other_item = make_agenda_topic(meeting, make_user(), title="Fremdes Thema")
    own_item = make_agenda_topic(meeting, member, title="Eigenes Thema")
    client.post(f"/treffen/thema/{other_item.id}/stimme")
    page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    assert "1 Stimme" in page and "Stimme zurücknehmen" in page
    client.post(f"/treffen/thema/{other_item.id}/stimme-zuruecknehmen")
    page = client.post(f"/treffen/thema/{own_item.id}/stimme",
                       follow_redirects=True).get_data(as_text=True)
    assert "Für dein eigenes Thema kannst du nicht abstimmen." in page
    assert "1 Stimme" not in page


def test_accepted_topics_show_in_order_with_slot_and_proposer_is_told(app, client, auth,
                                                                      make_meeting, make_agenda_topic,
                                                                      make_user):
    meeting = make_meeting()
    proposer = make_user()
    first, second = make_agenda_topic(meeting, proposer, title="Erstes"), make_agenda_topic(
        meeting, proposer, title="Zweites")
    auth.login(role="moderator")
    for item, position in ((first, 2), (second, 1)):
        client.post(f"/treffen/thema/{item.id}/verwalten", data={
            f"t{item.id}-status": "accepted", f"t{item.id}-position": str(position),
            f"t{item.id}-slot_minutes": "15", f"t{item.id}-presenter_id": "0"})
    page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    agenda = page.split('id="tagesordnung"')[1].split('id="themen"')[0]
    assert agenda.index("Zweites") < agenda.index("Erstes") and "15 Min." in agenda
    with app.app_context():
        assert db.session.scalars(select(Notification.kind).where(
            Notification.user_id == proposer.id)).all() == ["agenda_accepted"] * 2


def test_topic_moved_to_next_meeting_keeps_votes_and_proposer(app, client, auth, make_meeting,
                                                              make_agenda_topic, make_user):
    first, following = make_meeting(days=2), make_meeting(days=40)
    proposer = make_user()
    item = make_agenda_topic(first, proposer)
    auth.login()
    client.post(f"/treffen/thema/{item.id}/stimme")
    auth.logout()
    auth.login(role="moderator")
    client.post(f"/treffen/thema/{item.id}/verwalten", data={
        f"t{item.id}-status": "moved", f"t{item.id}-presenter_id": "0"})
    page = client.get(f"/treffen/{following.id}").get_data(as_text=True)
    assert "MINT-Mobil auf dem Land" in page and "1 Stimme" in page
    with app.app_context():
        assert db.session.get(AgendaItem, item.id).proposer_id == proposer.id


def test_registered_panel_is_shown_in_the_meeting_aside(app, client, auth, make_meeting):
    original = app.jinja_env.loader
    app.jinja_env.loader = ChoiceLoader([
        DictLoader({"test/_panel.html": "<p>Chat zu {{ panel.title }}</p>"}), original])
    register_meeting_panel("test", template="test/_panel.html",
                           load=lambda meeting, user: {"title": meeting.title})
    try:
        auth.login()
        meeting = make_meeting(title="Mit Chat")
        page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    finally:
        unregister_meeting_panel("test")
        app.jinja_env.loader = original
    assert "<p>Chat zu Mit Chat</p>" in page.split('<aside class="meeting-aside">')[1]


def test_start_page_card_shows_next_meeting_and_own_answer(client, auth, make_meeting,
                                                           make_rsvp):
    member = auth.login()
    meeting = make_meeting(title="Nächstes Alumni-Treffen")
    make_rsvp(meeting, member, "yes")
    page = client.get("/").get_data(as_text=True)
    assert "Nächstes Alumni-Treffen" in page and "Zusage" in page


def _fill(make_meeting, make_rsvp, make_agenda_topic, make_user, n):
    people = [make_user() for _ in range(n)]
    meetings = [make_meeting(days=d) for d in (2, 4, 6)[:n]]
    for meeting in meetings:
        for person in people:
            make_rsvp(meeting, person, "yes")
            make_agenda_topic(meeting, person)
    return meetings


def test_pages_load_with_bounded_queries(client, auth, make_meeting, make_rsvp, make_agenda_topic,
                                         make_user, count_queries):
    auth.login(role="moderator")
    small = _fill(make_meeting, make_rsvp, make_agenda_topic, make_user, 1)
    counts = {}
    for label, meetings in (("small", small),
                            ("large", _fill(make_meeting, make_rsvp, make_agenda_topic, make_user, 3))):
        target = meetings[0]
        result = []
        for url in ("/treffen/", f"/treffen/{target.id}", f"/treffen/{target.id}/tagesordnung",
                    f"/treffen/{target.id}/protokoll"):
            with count_queries() as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        counts[label] = result
    assert counts["small"] == counts["large"], counts
    assert max(counts["large"]) <= 15, counts
