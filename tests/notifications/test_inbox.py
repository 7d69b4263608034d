"""The inbox: newest first, unread marked, paginated, and only ever the member's own."""
import pytest

from alumni_hub.notifications.kinds import Kind


@pytest.mark.parametrize("path", ["/benachrichtigungen/", "/benachrichtigungen/einstellungen",
                                  "/benachrichtigungen/1/oeffnen"])
def test_anonymous_visitor_is_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/konto/anmelden" in response.headers["Location"]


def test_inbox_shows_newest_first_with_unread_marked(client, auth, make_user, send_notification):
    me, actor = auth.login(), make_user(display_name="Olga Otto")
    send_notification(Kind.REPLY, [me], actor=actor, params={"title": "Erste Frage"})
    send_notification(Kind.MEETING_SCHEDULED, [me], params={"title": "Alumni-Treffen Mai"})
    page = client.get("/benachrichtigungen/").get_data(as_text=True)
    newer = page.index("Neues Alumni-Treffen: Alumni-Treffen Mai")
    older = page.index("Olga Otto hat auf deinen Beitrag in „Erste Frage“ geantwortet")
    assert newer < older
    assert page.count("notification-unread") == 2
    assert "Alle als gelesen markieren" in page


def test_header_badge_shows_unread_count(client, auth, send_notification):
    me = auth.login()
    page = client.get("/").get_data(as_text=True)
    assert 'data-unread-badge hidden>0<' in page.replace("\n", "").replace("  ", "")
    send_notification(Kind.MEETING_SCHEDULED, [me])
    send_notification(Kind.MEETING_CHANGED, [me])
    page = client.get("/").get_data(as_text=True)
    assert 'data-unread-badge >2<' in page.replace("\n", "").replace("  ", "")
    assert "js/notifications.js" in page


def test_opening_a_notification_marks_it_read_and_goes_to_the_place(
        client, auth, send_notification, notifications_of):
    me = auth.login()
    [note_id] = send_notification(Kind.REPLY, [me], url="/foren/beitrag/17")
    response = client.get(f"/benachrichtigungen/{note_id}/oeffnen")
    assert response.status_code == 302 and response.headers["Location"] == "/foren/beitrag/17"
    assert notifications_of(me)[0].read_at is not None


def test_member_cannot_open_another_members_notification(client, auth, make_user,
                                                         send_notification, notifications_of):
    auth.login()
    other = make_user()
    [note_id] = send_notification(Kind.REPLY, [other])
    assert client.get(f"/benachrichtigungen/{note_id}/oeffnen").status_code == 404
    assert notifications_of(other)[0].read_at is None


def test_mark_all_read_touches_only_my_own(client, auth, make_user, send_notification,
                                           notifications_of):
    me, other = auth.login(), make_user()
    send_notification(Kind.REPLY, [me, other])
    send_notification(Kind.MEETING_SCHEDULED, [me, other])
    response = client.post("/benachrichtigungen/alle-gelesen", follow_redirects=True)
    assert "Alle Benachrichtigungen sind als gelesen markiert." in response.get_data(as_text=True)
    assert all(n.read_at for n in notifications_of(me))
    assert not any(n.read_at for n in notifications_of(other))


def test_inbox_paginates_with_a_bounded_number_of_queries(app, client, auth, send_notification,
                                                          count_queries):
    me = auth.login()
    for i in range(25):
        send_notification(Kind.MEETING_SCHEDULED, [me], params={"title": f"Treffen {i}"})
    client.get("/benachrichtigungen/")
    with count_queries() as few:
        client.get("/benachrichtigungen/")
    for i in range(25, 60):
        send_notification(Kind.MEETING_SCHEDULED, [me], params={"title": f"Treffen {i}"})
    with count_queries() as many:
        first = client.get("/benachrichtigungen/").get_data(as_text=True)
    assert len(many) == len(few) <= 6
    assert "Treffen 59" in first and "Treffen 39" not in first and "Seite 1 von 3" in first
    second = client.get("/benachrichtigungen/?page=2").get_data(as_text=True)
    assert "Treffen 39" in second and "Treffen 59" not in second


def test_empty_inbox_explains_itself(client, auth):
    auth.login()
    page = client.get("/benachrichtigungen/").get_data(as_text=True)
    assert "Noch keine Benachrichtigungen." in page
