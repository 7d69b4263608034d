"""The start page: what is new in the boards and the wiki, open questions, new colleagues."""
import pytest


def test_start_page_lists_newest_threads_open_questions_wiki_changes_and_new_members(
        client, auth, make_user, make_thread, make_page):
    asker = make_user(display_name="Jonas Petersen")
    make_thread(author=asker, title="Was gehört in ein MINT-Mobil?", kind="question")
    make_thread(author=asker, title="Feuerwehren als Lernorte", kind="discussion", replies=2)
    make_page(title="Experimentierkisten", author=asker)
    make_user(display_name="Neue Kollegin", listed_in_directory=True, organisation="zdi Ems")
    make_user(display_name="Versteckte Person", listed_in_directory=False)
    auth.login(make_user(display_name="Miriam"))

    page = client.get("/").get_data(as_text=True)

    assert "Neu in den Foren" in page and "Feuerwehren als Lernorte" in page
    open_questions = page.split('id="home-questions"')[1].split("</section>")[0]
    assert "Was gehört in ein MINT-Mobil?" in open_questions
    assert "Feuerwehren als Lernorte" not in open_questions  # a tip is no question
    assert "noch keine Antwort" in open_questions
    assert "Experimentierkisten" in page.split('id="home-wiki"')[1]
    new_members = page.split('id="home-members"')[1].split("</section>")[0]
    assert "Neue Kollegin" in new_members and "zdi Ems" in new_members
    assert "Versteckte Person" not in new_members  # not listed in the directory


def test_start_page_marks_threads_with_posts_the_member_has_not_read(
        client, auth, make_user, make_thread):
    reader = auth.login(make_user())
    thread = make_thread(title="Praktikumswoche planen", kind="discussion")
    page = client.get("/").get_data(as_text=True)
    assert 'class="unread"' in page and 'class="unread-mark"' in page

    client.get(f"/foren/thema/{thread.id}")
    page = client.get("/").get_data(as_text=True)
    assert 'class="unread-mark"' not in page, reader


def test_member_without_profile_is_asked_to_fill_it_in(client, auth, make_user):
    auth.login(make_user())
    assert "Dein Profil ist noch leer" in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login(make_user(organisation="MINT-Region Weser-Ems", bundesland="NI"))
    assert "Dein Profil ist noch leer" not in client.get("/").get_data(as_text=True)


def test_empty_platform_shows_friendly_placeholders(client, auth, make_user):
    auth.login(make_user())
    page = client.get("/").get_data(as_text=True)
    assert "Noch keine Diskussionen" in page and "Das Wiki ist noch leer." in page


@pytest.mark.parametrize("amount", [2, 25])
def test_start_page_query_count_does_not_grow_with_content(
        client, auth, make_user, make_thread, make_page, count_queries, amount):
    # One builder call per item is slow; a few threads with many replies and several pages
    # are enough to show the page does not query per item.
    author = make_user(listed_in_directory=True, organisation="Netzwerk")
    items = min(amount, 8)
    for i in range(items):
        make_thread(author=author, title=f"Frage {i}", kind="question", replies=amount)
        make_page(title=f"Seite {i}", author=author)
    for i in range(items):
        make_user(listed_in_directory=True, display_name=f"Mitglied {i}")
    auth.login(make_user())
    client.get("/")
    with count_queries() as queries:
        page = client.get("/").get_data(as_text=True)
    assert f"Frage {items - 1}" in page and f"Seite {items - 1}" in page
    # 8 for the page itself, 1 for the meetings card (next meeting with the reader's answer),
    # 1 for the buddies card (members without a pair).
    assert len(queries) <= 10, "\n".join(queries)
