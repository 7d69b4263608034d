"""Once a meeting has begun, only moderators change its topics; proposers see them read-only."""
from alumni_hub.extensions import db
from alumni_hub.meetings.models import AgendaItem
from tests.meetings.builders import start_meeting


def _title(app, item_id):
    with app.app_context():
        return db.session.get(AgendaItem, item_id).title


def test_proposer_sees_topic_read_only_after_the_start_and_post_is_refused(
        app, client, auth, make_meeting, make_agenda_topic, make_user):
    meeting = make_meeting()
    proposer = make_user()
    item = make_agenda_topic(meeting, proposer, title="MINT-Mobil", description="*Ausstattung*")
    start_meeting(app, meeting.id)
    auth.login(proposer)
    assert f"/treffen/thema/{item.id}/bearbeiten" not in client.get(
        f"/treffen/{meeting.id}").get_data(as_text=True)
    page = client.get(f"/treffen/thema/{item.id}/bearbeiten").get_data(as_text=True)
    assert "Jetzt kann nur noch die Moderation das Thema ändern." in page
    assert "<em>Ausstattung</em>" in page and 'name="title"' not in page
    response = client.post(f"/treffen/thema/{item.id}/bearbeiten",
                           data={"title": "Nachträglich geändert", "description": ""})
    assert response.status_code == 403
    assert "Jetzt kann nur noch die Moderation das Thema ändern." in response.get_data(
        as_text=True)
    assert _title(app, item.id) == "MINT-Mobil"


def test_moderator_still_edits_a_topic_after_the_start(app, client, auth, make_meeting,
                                                       make_agenda_topic, make_user):
    meeting = make_meeting()
    item = make_agenda_topic(meeting, make_user(), title="MINT-Mobil")
    start_meeting(app, meeting.id)
    auth.login(role="moderator")
    page = client.post(f"/treffen/thema/{item.id}/bearbeiten",
                       data={"title": "MINT-Mobil (Protokoll)", "description": ""},
                       follow_redirects=True).get_data(as_text=True)
    assert "Das Thema ist gespeichert." in page
    assert _title(app, item.id) == "MINT-Mobil (Protokoll)"


def test_proposer_edits_before_the_start(app, client, auth, make_meeting, make_agenda_topic,
                                         make_user):
    meeting = make_meeting()
    proposer = make_user()
    item = make_agenda_topic(meeting, proposer, title="MINT-Mobil")
    auth.login(proposer)
    assert f"/treffen/thema/{item.id}/bearbeiten" in client.get(
        f"/treffen/{meeting.id}").get_data(as_text=True)
    client.post(f"/treffen/thema/{item.id}/bearbeiten",
                data={"title": "MINT-Mobil auf dem Land", "description": ""})
    assert _title(app, item.id) == "MINT-Mobil auf dem Land"
