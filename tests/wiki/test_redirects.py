"""Old slugs redirect to the current one; crafted query strings never break that,
and a deleted page's old slugs reveal nothing to members."""
import pytest


@pytest.fixture
def renamed(client, auth, make_page, make_user):
    """A page first called 'Praktikumswoche', renamed to 'Schnupperwoche', with 2 versions."""
    page = make_page(title="Praktikumswoche", edits=["Zweite Fassung"])
    moderator = make_user(role="moderator")
    auth.login(moderator)
    client.post(f"/wiki/{page.slug}/umbenennen", data={"title": "Schnupperwoche"})
    auth.logout()
    return moderator


@pytest.mark.parametrize("path, expected", [
    ("/wiki/praktikumswoche?slug=x", "/wiki/schnupperwoche"),
    ("/wiki/praktikumswoche?endpoint=wiki.index", "/wiki/schnupperwoche"),
    ("/wiki/praktikumswoche?_external=1&_anchor=x", "/wiki/schnupperwoche"),
    ("/wiki/praktikumswoche/version/1?number=5", "/wiki/schnupperwoche/version/1"),
    ("/wiki/praktikumswoche/vergleich?von=1&bis=2&slug=y",
     "/wiki/schnupperwoche/vergleich?von=1&bis=2"),
])
def test_crafted_query_on_old_slug_still_redirects_to_current_page(client, auth, renamed, path,
                                                                  expected):
    auth.login()
    response = client.get(path)
    assert response.status_code == 301
    assert response.location == expected
    assert "Schnupperwoche" in client.get(response.location).get_data(as_text=True)


@pytest.mark.parametrize("suffix", ["", "/versionen", "/vergleich?von=1&bis=2", "/version/1"])
@pytest.mark.parametrize("slug", ["praktikumswoche", "schnupperwoche"])
def test_member_gets_plain_404_for_any_slug_of_deleted_page(client, auth, renamed, slug, suffix):
    auth.login(renamed)
    client.post("/wiki/schnupperwoche/loeschen")
    auth.logout()
    auth.login()
    client.get("/wiki/")  # shows (and so clears) the flash messages of the moderator's session
    response = client.get(f"/wiki/{slug}{suffix}")
    assert response.status_code == 404
    assert response.location is None
    assert "Schnupperwoche" not in response.get_data(as_text=True)


def test_moderator_is_still_redirected_from_old_slug_of_deleted_page(client, auth, renamed):
    auth.login(renamed)
    client.post("/wiki/schnupperwoche/loeschen")
    response = client.get("/wiki/praktikumswoche")
    assert response.status_code == 301 and response.location == "/wiki/schnupperwoche"
    assert "Diese Seite ist gelöscht" in client.get(response.location).get_data(as_text=True)
