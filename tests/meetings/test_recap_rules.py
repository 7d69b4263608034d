"""A recap is published only once its meeting has begun; a cancelled meeting gets none."""
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting
from tests.meetings.builders import start_meeting


def _draft(client, meeting_id):
    client.post(f"/treffen/{meeting_id}/protokoll", data={"attendees": "Jana, Otto",
                                                          "body": "Vorbereitet: **Ablauf**"})


def _stored(app, meeting_id):
    with app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        return meeting.recap_md, meeting.recap_published_at


def test_recap_of_a_future_meeting_can_be_drafted_but_not_published(app, client, auth,
                                                                    make_meeting):
    meeting = make_meeting(days=3)
    auth.login(role="moderator")
    _draft(client, meeting.id)
    form = client.get(f"/treffen/{meeting.id}/protokoll").get_data(as_text=True)
    assert "sobald das Treffen begonnen hat" in form
    assert "Protokoll veröffentlichen" not in form
    response = client.post(f"/treffen/{meeting.id}/protokoll/veroeffentlichen",
                           data={"category_id": 0}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "erst, wenn das Treffen begonnen hat. Der Entwurf bleibt gespeichert." in page
    assert "Vorbereitet: **Ablauf**" in page
    assert _stored(app, meeting.id) == ("Vorbereitet: **Ablauf**", None)
    assert "Ablauf" not in client.get(f"/treffen/{meeting.id}").get_data(as_text=True)


def test_recap_is_published_once_the_meeting_has_begun(app, client, auth, make_meeting):
    meeting = make_meeting(days=3)
    auth.login(role="moderator")
    _draft(client, meeting.id)
    start_meeting(app, meeting.id, minutes_ago=5)
    assert "Protokoll veröffentlichen" in client.get(
        f"/treffen/{meeting.id}/protokoll").get_data(as_text=True)
    page = client.post(f"/treffen/{meeting.id}/protokoll/veroeffentlichen",
                       data={"category_id": 0}, follow_redirects=True).get_data(as_text=True)
    assert "Das Protokoll ist veröffentlicht." in page and "<strong>Ablauf</strong>" in page
    assert _stored(app, meeting.id)[1] is not None


def test_cancelled_meeting_gets_no_recap(app, client, auth, make_meeting):
    meeting = make_meeting(days=3)
    auth.login(role="moderator")
    _draft(client, meeting.id)
    client.post(f"/treffen/{meeting.id}/absagen")
    start_meeting(app, meeting.id)
    assert "Protokoll schreiben" not in client.get(
        f"/treffen/{meeting.id}").get_data(as_text=True)
    page = client.post(f"/treffen/{meeting.id}/protokoll/veroeffentlichen",
                       data={"category_id": 0}, follow_redirects=True).get_data(as_text=True)
    assert "Dieses Treffen ist abgesagt; es bekommt kein Protokoll." in page
    assert _stored(app, meeting.id)[1] is None
