"""Keyboard only: log in, open a thread, jump to the reply box, mention someone with the arrow
keys, send the reply, and open and close the user menu with Escape. No mouse click anywhere."""
from alumni_hub.accounts.models import User
from alumni_hub.boards.services import categories, posts, threads
from alumni_hub.extensions import db
from tests.conftest import TEST_PASSWORD

MAX_TABS = 60


def _thread_with_replies(app, author, replies=5) -> str:
    with app.app_context():
        user = db.session.get(User, author.id)
        category = categories.create_category(actor=user, name="Praxis")
        thread = threads.create_thread(author=user, category=category, kind="discussion",
                                       title="Ferienprogramme im Landkreis", body_md="Ideen?")
        for i in range(replies):
            posts.add_reply(thread=thread, author=user, body_md=f"Idee {i + 1}", parent_id=None)
        db.session.commit()
        return f"/foren/thema/{thread.id}-{thread.slug}"


def _focused(page) -> str:
    return page.evaluate("""() => {
        const e = document.activeElement;
        return [e.tagName.toLowerCase(), e.id, (e.textContent || e.value || '').trim()].join('|');
    }""")


def _tab_to(page, matches) -> int:
    """Press Tab until the focused element satisfies matches(page); returns the count."""
    for count in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if matches(page):
            return count
    raise AssertionError(f"not reached with {MAX_TABS} Tabs; focus on {_focused(page)}")


def test_member_logs_in_replies_with_a_mention_and_uses_the_menu_by_keyboard(
        app, page, make_user):
    author = make_user(role="moderator", display_name="Karla Kreis")
    # Listed in the directory: the mention search offers only listed members (or thread authors).
    make_user(display_name="Fritz Feuerwehr", listed_in_directory=True)
    me = make_user(display_name="Tara Tastatur")
    thread_url = _thread_with_replies(app, author)

    page.goto("/konto/anmelden")  # the e-mail field has the focus (autofocus)
    page.keyboard.type(me.email)
    page.keyboard.press("Tab")
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Enter")
    # Generous: the first login of a browser run also warms up the password hashing.
    page.wait_for_url(lambda url: "/konto/anmelden" not in url, timeout=30_000)

    page.goto(thread_url)
    tabs = _tab_to(page, lambda p: p.evaluate(
        "document.activeElement.classList.contains('skip-to-reply')"))
    # Not 35: the skip link comes right after the header (skip link, brand, six sections,
    # search, notifications, user menu, language) and the breadcrumb, before any post.
    assert tabs <= 16
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "body"

    page.keyboard.type("Danke! Frag mal @Fri")
    page.wait_for_selector(".mention-suggestions [role=option]")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("textarea[name=body]", "aria-activedescendant")
    page.keyboard.press("Enter")  # takes the suggestion instead of a newline
    assert page.input_value("textarea[name=body]") == "Danke! Frag mal @[Fritz Feuerwehr] "
    page.keyboard.type("dazu.")
    _tab_to(page, lambda p: p.evaluate("document.activeElement.value") == "Antwort senden")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Deine Antwort ist veröffentlicht.")
    assert page.locator("article.post", has_text="dazu.").locator(
        "a", has_text="Fritz Feuerwehr").count() == 1

    _tab_to(page, lambda p: p.evaluate(
        "document.activeElement.matches('details.user-menu > summary')"))
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('details.user-menu').open")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('details.user-menu') !== null")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.querySelector('details.user-menu').open")
    assert page.evaluate("document.activeElement.matches('details.user-menu > summary')")


def test_error_summary_gets_the_focus_after_a_failed_submit(app, page, make_user, login_as):
    login_as(page, make_user())
    page.goto("/konto/einstellungen")
    page.fill("input[name=current_password]", "")
    page.fill("input[name=password]", "kurz")
    page.click("form:has(input[name=password]) input[type=submit]")
    page.wait_for_selector(".error-summary")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')").startswith("#")
