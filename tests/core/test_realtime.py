"""Open Socket.IO connections end with the login behind them (issue 13, Low 9)."""
from alumni_hub.core.realtime import SESSION_ENDED_EVENT, close_user_sockets
from tests.conftest import TEST_PASSWORD


def _browser(app, user):
    """A second, separately logged-in browser of `user`."""
    other = app.test_client()
    response = other.post("/konto/anmelden", data={"email": user.email,
                                                   "password": TEST_PASSWORD})
    assert response.status_code == 302
    return other


def test_logout_closes_that_browsers_sockets_but_not_another_browsers(
        app, client, auth, socket_client):
    me = auth.login()
    tabs = [socket_client(), socket_client()]
    phone = socket_client(_browser(app, me))
    assert all(tab.is_connected() for tab in (*tabs, phone))

    auth.logout()

    assert not any(tab.is_connected() for tab in tabs)
    assert phone.is_connected()


def test_closed_tab_is_told_why_before_it_is_closed(client, auth, socket_client):
    auth.login()
    tab = socket_client()
    tab.get_received()
    auth.logout()
    # get_received() refuses a closed client; its queue still holds what arrived.
    assert [event["name"] for event in tab.queue] == [SESSION_ENDED_EVENT]


def test_deactivation_closes_every_socket_of_the_member(app, make_user, socket_client):
    admin, member, bystander = (make_user(role="admin"), make_user(), make_user())
    admin_browser = _browser(app, admin)
    sockets = [socket_client(_browser(app, member)), socket_client(_browser(app, member))]
    other = socket_client(_browser(app, bystander))

    admin_browser.post(f"/moderation/benutzer/{member.id}/aktiv", data={"active": "0"})

    assert not any(socket.is_connected() for socket in sockets)
    assert other.is_connected()


def test_role_change_keeps_the_members_sockets_open(app, make_user, socket_client):
    admin, member = make_user(role="admin"), make_user()
    socket = socket_client(_browser(app, member))
    _browser(app, admin).post(f"/moderation/benutzer/{member.id}/rolle",
                              data={"role": "moderator"})
    assert socket.is_connected()


def test_logged_out_browser_cannot_connect_again(client, auth, socket_client):
    auth.login()
    auth.logout()
    assert not socket_client().is_connected()


def test_closing_a_user_without_open_sockets_is_harmless(app, make_user):
    with app.app_context():
        close_user_sockets(make_user().id)
