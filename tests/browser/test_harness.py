"""The harness itself: chromium logs in through the real form and gets a live socket."""


def test_member_logs_in_in_browser_and_socket_connects(page, make_user, login_as):
    user = make_user(display_name="Brigitte Browser")
    login_as(page, user)
    assert "Willkommen, Brigitte Browser!" in page.content()
    page.wait_for_function("() => window.AlumniHub && window.AlumniHub.socket && window.AlumniHub.socket.connected")
