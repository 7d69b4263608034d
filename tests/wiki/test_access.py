"""Every wiki page requires login."""
import pytest


@pytest.mark.parametrize("path", [
    "/wiki/", "/wiki/aenderungen", "/wiki/veraltet", "/wiki/neu", "/wiki/geloescht",
    "/wiki/irgendwas", "/wiki/irgendwas/bearbeiten", "/wiki/irgendwas/versionen",
    "/wiki/irgendwas/vergleich?von=1&bis=2", "/wiki/aus-beitrag/1",
])
def test_anonymous_visitor_is_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/konto/anmelden" in response.location


@pytest.mark.parametrize("path", ["/wiki/x/beobachten", "/wiki/x/bestaetigen",
                                  "/wiki/x/version/1/wiederherstellen", "/wiki/x/loeschen"])
def test_anonymous_post_is_refused(client, path):
    response = client.post(path)
    assert response.status_code in (302, 401) and "/konto/anmelden" in response.location


def test_unknown_page_is_404(client, auth):
    auth.login()
    assert client.get("/wiki/gibt-es-nicht").status_code == 404


def test_missing_page_offers_to_create_it_with_the_title_filled_in(client, auth):
    auth.login()
    response = client.get("/wiki/ferienprogramm-planen")
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Diese Wiki-Seite gibt es noch nicht" in page
    assert 'href="/wiki/neu?titel=Ferienprogramm+planen"' in page
