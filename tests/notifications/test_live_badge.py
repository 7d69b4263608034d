"""The unread badge over Socket.IO: only the recipient's own connections hear about it."""
from alumni_hub.extensions import socketio
from alumni_hub.notifications.kinds import Kind


def _counts(socket):
    return [e["args"][0]["count"] for e in socket.get_received()
            if e["name"] == "notifications:unread"]


def test_connecting_page_receives_the_current_count(auth, socket_client, send_notification):
    me = auth.login()
    send_notification(Kind.MEETING_SCHEDULED, [me])
    assert _counts(socket_client()) == [1]


def test_recipient_sees_new_count_live_and_actor_hears_nothing(
        app, make_user, login_client, socket_client, send_notification):
    anna, bernd, carla = make_user(), make_user(), make_user()
    anna_socket = socket_client(login_client(anna))
    bernd_sockets = [socket_client(login_client(bernd)) for _ in range(2)]  # two tabs
    carla_socket = socket_client(login_client(carla))
    for socket in (anna_socket, carla_socket, *bernd_sockets):
        socket.get_received()  # the counts sent on connect

    send_notification(Kind.REPLY, [bernd], actor=anna)
    send_notification(Kind.MENTION, [bernd], actor=anna, group_key="thread:1")

    assert all(_counts(s) == [1, 2] for s in bernd_sockets)
    assert _counts(anna_socket) == []
    assert _counts(carla_socket) == []


def test_marking_read_updates_every_tab(client, auth, socket_client, send_notification):
    me = auth.login()
    send_notification(Kind.REPLY, [me])
    [note_id] = send_notification(Kind.RECAP_PUBLISHED, [me])
    tab = socket_client()
    tab.get_received()
    client.get(f"/benachrichtigungen/{note_id}/oeffnen")
    client.post("/benachrichtigungen/alle-gelesen")
    assert _counts(tab) == [1, 0]


def test_other_members_socket_cannot_join_my_room(make_user, login_client, socket_client,
                                                  send_notification):
    me, other = make_user(), make_user()
    intruder = socket_client(login_client(other))
    intruder.get_received()
    # Rooms are assigned by the server on connect; no client event can choose one.
    handled = set(socketio.server.handlers.get("/", {}))
    for event in ("join", "join_room", "enter_room", "subscribe"):
        assert event not in handled
        intruder.emit(event, {"room": f"user:{me.id}"})
    send_notification(Kind.MENTION, [me])
    assert _counts(intruder) == []
    # The same socket does hear its own user's count: silence above was not a dead socket.
    send_notification(Kind.MENTION, [other])
    assert _counts(intruder) == [1]
