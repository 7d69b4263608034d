"""Browser scenario: ask, answer, answer the answer, accept — the tree and "gelöst" are visible."""
from alumni_hub.boards.services import categories
from alumni_hub.accounts.models import User
from alumni_hub.extensions import db


def _category(app, make_user):
    moderator = make_user(role="moderator")
    with app.app_context():
        category = categories.create_category(actor=db.session.get(User, moderator.id),
                                              name="Fragen & Antworten")
        db.session.commit()
        return category.slug


def _ask(page, slug) -> str:
    """Write a question with a preview first; returns the thread's URL."""
    page.goto(f"/foren/{slug}/neu")
    page.check("input[value=question]")
    page.fill("input[name=title]",
              "Wie motiviert man Jugendliche für Berufsorientierung in den Ferien?")
    page.fill("textarea[name=body]", "Habt ihr **Ideen** für Ferienangebote?")
    page.click("input[name=preview]")
    assert page.locator(".preview strong").inner_text() == "Ideen"
    page.click("input[name=submit]")
    page.wait_for_selector("h1.thread-title")
    return page.url.split("#")[0]


def _reply(page, text):
    page.fill("textarea[name=body]", text)
    page.click("#reply-form input[name=submit]")


def test_question_answered_in_a_nested_tree_and_accepted(app, new_page, make_user, login_as):
    slug = _category(app, make_user)
    page, second, third = new_page(), new_page(), new_page()
    login_as(page, make_user(display_name="Anke Fragend"))
    thread_url = _ask(page, slug)

    login_as(second, make_user(display_name="Bernd Hilfreich"))
    second.goto(thread_url)
    _reply(second, "Ferienpass-Aktionen mit Betrieben vor Ort!")
    answer = second.locator("article.post", has_text="Ferienpass-Aktionen")
    answer.wait_for()
    answer_id = answer.get_attribute("id")

    login_as(third, make_user(display_name="Clara Ergänzt"))
    third.goto(thread_url)
    third.locator(f"#{answer_id} >> text=Antworten").click()
    assert "Antwort auf Bernd Hilfreich" in third.locator("#reply-form").inner_text()
    _reply(third, "Und mit der Feuerwehr als Lernort!")
    third.locator(f"#{answer_id} ~ details.subtree article.post",
                  has_text="Feuerwehr als Lernort").wait_for()

    page.goto(thread_url)
    page.locator(f"#{answer_id} >> text=Als Lösung markieren").click()
    page.wait_for_selector(".accepted-answer")
    assert "gelöst" in page.locator("h1.thread-title").inner_text()
    assert "Ferienpass-Aktionen" in page.locator(".accepted-answer").inner_text()
    assert page.locator(f"#{answer_id} ~ details.subtree", has_text="Feuerwehr").is_visible()
    page.goto(f"/foren/{slug}")
    assert "gelöst" in page.locator("table.thread-list").inner_text()


def test_typing_a_mention_suggests_members(app, page, make_user, login_as):
    slug = _category(app, make_user)
    make_user(display_name="Fritz Feuerwehr", listed_in_directory=True)
    login_as(page, make_user())
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"/foren/{slug}/neu")
    page.locator("textarea[name=body]").press_sequentially("Frag mal @Fri")
    page.click(".mention-suggestions >> text=Fritz Feuerwehr")
    assert page.input_value("textarea[name=body]") == "Frag mal @[Fritz Feuerwehr] "
    assert not errors


def test_reply_suggests_an_unlisted_member_who_wrote_in_the_thread(app, page, make_user,
                                                                   login_as):
    slug = _category(app, make_user)
    writer = make_user(display_name="Frida Verborgen")  # no profile: not in the directory
    login_as(page, writer)
    thread_url = _ask(page, slug)
    page.context.clear_cookies()
    login_as(page, make_user())
    page.goto(thread_url)
    page.locator("#reply-form textarea[name=body]").press_sequentially("Danke @Fri")
    page.click(".mention-suggestions >> text=Frida Verborgen")
    assert page.input_value("#reply-form textarea[name=body]") == "Danke @[Frida Verborgen] "


def test_reply_preview_shows_the_rendering_keeps_the_text_and_publishes_nothing(
        app, page, make_user, login_as):
    slug = _category(app, make_user)
    login_as(page, make_user())
    thread_url = _ask(page, slug)
    text = "Ein **Tipp**<!-- Notiz an mich -->"
    page.fill("#reply-form textarea[name=body]", text)
    page.click("#reply-form input[name=preview]")
    assert page.locator("#reply-form .preview strong").inner_text() == "Tipp"
    assert page.input_value("#reply-form textarea[name=body]") == text
    page.goto(thread_url)
    assert page.locator("article.post").count() == 1  # only the question itself
