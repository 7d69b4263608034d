"""In the browser: the header badge counts up live and the inbox clears it."""
from playwright.sync_api import expect

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify


def test_badge_updates_live_without_reload(app, page, make_user, login_as):
    me, actor = make_user(display_name="Bea Badge"), make_user(display_name="Tom Tipp")
    login_as(page, me)
    badge = page.locator("[data-unread-badge]")
    expect(badge).to_be_hidden()
    # No wait for the socket: if it connects after the event, it gets the count on connect.
    with app.app_context():
        notify(kind=Kind.MENTION, recipients=[db.session.get(User, me.id)], url="/",
               actor=db.session.get(User, actor.id), params={"title": "Schülerlabor"})
        db.session.commit()
    expect(badge).to_have_text("1")
    expect(badge).to_be_visible()

    page.click("text=Benachrichtigungen >> nth=0")
    expect(page.locator(".notification-unread")).to_contain_text(
        "Tom Tipp hat dich in „Schülerlabor“ erwähnt")
    page.click("text=Alle als gelesen markieren")
    expect(page.locator(".notification-unread")).to_have_count(0)
    expect(badge).to_be_hidden()
