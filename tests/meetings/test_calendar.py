"""Calendar files and the personal feed: parseable, Berlin time, secret token, revocable."""
import re

from icalendar import Calendar

from alumni_hub.meetings.recurrence import to_berlin


def _events(response):
    assert response.mimetype == "text/calendar"
    return Calendar.from_ical(response.data).walk("VEVENT")


def test_meeting_ics_parses_with_berlin_time_uid_and_link_back(client, auth, make_meeting):
    auth.login()
    meeting = make_meeting(title="Alumni-Treffen")
    [event] = _events(client.get(f"/treffen/{meeting.id}.ics"))
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Berlin" and start.hour == to_berlin(
        meeting.starts_at).hour == 19
    assert str(event["uid"]) == meeting.uid
    assert str(event["url"]).endswith(f"/treffen/{meeting.id}")


def _new_feed(client) -> str:
    page = client.post("/treffen/kalender").get_data(as_text=True)
    return re.search(r'value="(https?://[^"]+\.ics)"', page).group(1)


def test_feed_works_without_login_and_leaves_out_declined_meetings(app, client, auth,
                                                                   make_meeting, make_rsvp):
    member = auth.login()
    kept, declined = make_meeting(title="Zugesagt"), make_meeting(title="Abgesagt", days=9)
    make_rsvp(kept, member, "yes")
    make_rsvp(declined, member, "no")
    path = _new_feed(client).split("://", 1)[1].split("/", 1)[1]
    anonymous = app.test_client()
    titles = [str(e["summary"]) for e in _events(anonymous.get("/" + path))]
    assert titles == ["Zugesagt"]


def test_renewing_the_feed_revokes_the_old_address(app, client, auth, make_meeting):
    auth.login()
    make_meeting()
    old = "/" + _new_feed(client).split("://", 1)[1].split("/", 1)[1]
    new = "/" + _new_feed(client).split("://", 1)[1].split("/", 1)[1]
    anonymous = app.test_client()
    assert anonymous.get(old).status_code == 404
    assert len(_events(anonymous.get(new))) == 1


def test_cancelled_meeting_is_in_the_feed_as_cancelled_with_higher_sequence(app, client, auth,
                                                                            make_meeting):
    auth.login()
    meeting = make_meeting()
    feed = "/" + _new_feed(client).split("://", 1)[1].split("/", 1)[1]
    auth.logout()
    auth.login(role="moderator")
    client.post(f"/treffen/{meeting.id}/absagen")
    [event] = _events(app.test_client().get(feed))
    assert str(event["status"]) == "CANCELLED" and event.decoded("sequence") == 1
