"""The overview and the meeting page: what members see, in German and in English."""


def test_overview_shows_next_meeting_with_own_answer_and_calendar_link(client, auth, make_meeting,
                                                                       make_rsvp):
    member = auth.login()
    meeting = make_meeting(title="Alumni-Treffen im März")
    make_rsvp(meeting, member, "maybe")
    page = client.get("/treffen/").get_data(as_text=True)
    assert "Alumni-Treffen im März" in page
    assert "Vielleicht" in page
    assert "Zum Kalender hinzufügen" in page
    assert f"/treffen/{meeting.id}.ics" in page


def test_meeting_page_shows_video_link_and_who_comes(client, auth, make_meeting, make_rsvp,
                                                     make_user):
    auth.login()
    meeting = make_meeting()
    make_rsvp(meeting, make_user(display_name="Clara Zusage"), "yes")
    page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    assert "https://meet.example.org/alumni" in page
    assert "Clara Zusage" in page


def test_pages_speak_english_to_english_users(client, auth, make_meeting, make_user):
    auth.login(make_user(locale="en"))
    meeting = make_meeting(title="Alumni meeting")
    overview = client.get("/treffen/").get_data(as_text=True)
    assert "Next meeting" in overview and "Add to calendar" in overview
    page = client.get(f"/treffen/{meeting.id}").get_data(as_text=True)
    assert "Are you coming?" in page and "Propose a topic" in page
