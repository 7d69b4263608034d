"""In the browser: two people in a room; one goes offline and comes back; keyboard only."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect


def _enter_room(page, login_as, user, ref_id=1):
    login_as(page, user)
    page.goto(f"/chat/test/{ref_id}")
    expect(page.locator("[data-chat-presence]")).to_contain_text(user.display_name)


def _texts(page) -> list[str]:
    return page.locator("[data-chat-messages] .chat-text").all_inner_texts()


def test_offline_member_sees_every_message_once_and_their_own_arrives_once(
        new_page, make_user, login_as):
    anna_page, bernd_page = new_page(), new_page()
    _enter_room(anna_page, login_as, make_user(display_name="Anna Alt"))
    _enter_room(bernd_page, login_as, make_user(display_name="Bernd Brandt"))
    anna_page.fill("#chat-input", "Hallo Bernd")
    anna_page.press("#chat-input", "Enter")
    expect(bernd_page.locator("[data-chat-messages]")).to_contain_text("Hallo Bernd")

    bernd_page.context.set_offline(True)
    expect(bernd_page.locator("[data-chat-pending]")).to_contain_text("Keine Verbindung")
    for n in range(3):
        anna_page.fill("#chat-input", f"Während du weg warst {n}")
        anna_page.press("#chat-input", "Enter")
    bernd_page.fill("#chat-input", "Offline geschrieben")
    bernd_page.press("#chat-input", "Enter")
    expect(bernd_page.locator(".chat-pending")).to_contain_text("Offline geschrieben")
    expect(anna_page.locator("[data-chat-messages]")).to_contain_text("Während du weg warst 2")

    bernd_page.context.set_offline(False)
    expected = ["Hallo Bernd"] + [f"Während du weg warst {n}" for n in range(3)] + [
        "Offline geschrieben"]
    for page in (anna_page, bernd_page):
        expect(page.locator("[data-chat-messages] .chat-text").nth(4)).to_have_text(
            "Offline geschrieben")
        expect(page.locator(".chat-pending")).to_have_count(0)
        assert _texts(page) == expected


def test_message_written_before_a_reload_is_sent_once_after_it(new_page, make_user,
                                                               login_as):
    anna_page, bernd_page = new_page(), new_page()
    _enter_room(anna_page, login_as, make_user(display_name="Anna Alt"))
    _enter_room(bernd_page, login_as, make_user(display_name="Bernd Brandt"))
    bernd_page.context.set_offline(True)
    expect(bernd_page.locator("[data-chat-pending]")).to_contain_text("Keine Verbindung")
    bernd_page.fill("#chat-input", "Vor dem Neuladen")
    bernd_page.press("#chat-input", "Enter")
    bernd_page.context.set_offline(False)
    bernd_page.reload()
    for page in (anna_page, bernd_page):
        expect(page.locator("[data-chat-messages] .chat-text")).to_have_count(1)
        expect(page.locator(".chat-pending")).to_have_count(0)
        assert _texts(page) == ["Vor dem Neuladen"]


def test_keyboard_only_enter_sends_shift_enter_breaks_the_line_focus_stays(
        page, make_user, login_as):
    _enter_room(page, login_as, make_user(display_name="Kai Keyboard"))
    page.locator("#chat-input").focus()
    page.keyboard.type("Erste Zeile")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("Zweite Zeile")
    page.keyboard.press("Enter")
    message = page.locator("[data-chat-messages] .chat-text").first
    expect(message).to_contain_text("Erste Zeile")
    expect(message).to_contain_text("Zweite Zeile")
    expect(page.locator("#chat-input")).to_have_value("")
    expect(page.locator("#chat-input")).to_be_focused()
    expect(page.locator(".chat-own-mark")).to_have_count(1)


def _member_and_moderator(new_page, make_user, login_as):
    """Mia (member) and Moni (moderator), each in the room in a browser of her own."""
    member_page, moderator_page = new_page(), new_page()
    _enter_room(member_page, login_as, make_user(display_name="Mia Mitglied"))
    _enter_room(moderator_page, login_as,
                make_user(role="moderator", display_name="Moni Moderation"))
    return member_page, moderator_page


def _spam(member_page, moderator_page):
    """Mia posts spam; the message as the moderator sees it."""
    member_page.fill("#chat-input", "Kauft meine Kisten")
    member_page.press("#chat-input", "Enter")
    return moderator_page.locator(".chat-message", has_text="Kauft meine Kisten")


def test_moderator_deletes_live_and_screen_readers_hear_new_messages(new_page, make_user,
                                                                     login_as):
    member_page, moderator_page = _member_and_moderator(new_page, make_user, login_as)
    moderator_page.fill("#chat-input", "Willkommen zum Treffen!")
    moderator_page.press("#chat-input", "Enter")
    expect(member_page.locator("[data-chat-live]")).to_have_text(
        "Neue Nachricht von Moni Moderation: Willkommen zum Treffen!")
    spam = _spam(member_page, moderator_page)
    spam.get_by_role("button", name="Löschen").click()
    expect(member_page.locator(".chat-deleted")).to_have_text("Diese Nachricht wurde gelöscht.")
    expect(member_page.locator("[data-chat-messages]")).not_to_contain_text("Kauft meine Kisten")


def test_moderator_mutes_for_a_chosen_time_and_lifts_it_early_live(new_page, make_user,
                                                                   login_as):
    member_page, moderator_page = _member_and_moderator(new_page, make_user, login_as)
    spam = _spam(member_page, moderator_page)
    spam.get_by_label("Stummschalten für").select_option(label="1 Stunde")
    spam.get_by_role("button", name="Stummschalten").click()
    notice = member_page.locator("[data-chat-muted]")
    expect(notice).to_contain_text("Du bist in diesem Chatraum stummgeschaltet bis")
    muted = moderator_page.locator("[data-chat-mutes] li")
    expect(muted).to_have_count(1)
    expect(muted).to_contain_text("Mia Mitglied bis ")
    muted.get_by_role("button", name="Stummschaltung aufheben").click()
    expect(notice).to_be_hidden()
    expect(muted).to_have_text("Niemand ist stummgeschaltet.")


def test_one_day_mute_shows_the_date_live_exactly_as_the_page_does(new_page, make_user,
                                                                   login_as):
    member_page, moderator_page = _member_and_moderator(new_page, make_user, login_as)
    spam = _spam(member_page, moderator_page)
    spam.get_by_label("Stummschalten für").select_option(label="1 Tag")
    spam.get_by_role("button", name="Stummschalten").click()
    tomorrow = (datetime.now(ZoneInfo("Europe/Berlin")) + timedelta(days=1)).strftime("%d.%m.")
    live_until = moderator_page.locator("[data-chat-mutes] time")
    expect(live_until).to_contain_text(f"bis {tomorrow}, ")
    notice = member_page.locator("[data-chat-muted]")
    expect(notice).to_contain_text(f"stummgeschaltet bis {tomorrow}, ")
    # The page as the server draws it (same logins, no second socket) says the same.
    drawn = {p: p.request.get("/chat/test/1").text() for p in (moderator_page, member_page)}
    assert f">{live_until.inner_text()}</time>" in drawn[moderator_page]
    assert f"data-chat-muted>{notice.inner_text()}</p>" in drawn[member_page]
