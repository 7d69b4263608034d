"""Hand-typed or tampered URLs get the German "not found" page or are ignored, never a 500."""
import pytest

from alumni_hub.core.urls import MAX_DB_INT, parse_db_int
from alumni_hub.core.web import page_url

HUGE = "99999999999999999999"  # > 2**63-1: no database integer column can hold it
NOT_FOUND = "Seite nicht gefunden"


@pytest.fixture
def many_members(app, make_user):
    """One more listed member than fits on a directory page, so the pager shows."""
    return [make_user(display_name=f"Mitglied {n:02d}", listed_in_directory=True)
            for n in range(app.config["PER_PAGE"] + 1)]


def test_huge_member_id_shows_german_not_found_page(client, auth):
    auth.login()
    response = client.get(f"/mitglieder/{HUGE}")
    assert response.status_code == 404
    assert NOT_FOUND in response.get_data(as_text=True)


def test_largest_database_id_is_still_routed_and_simply_not_found(client, auth):
    auth.login()
    response = client.get(f"/mitglieder/{MAX_DB_INT}")
    assert response.status_code == 404
    assert NOT_FOUND in response.get_data(as_text=True)


def test_session_still_works_after_an_out_of_range_request(client, auth, many_members):
    auth.login()
    client.get(f"/mitglieder/?page={HUGE}")
    page = client.get("/mitglieder/?page=2").get_data(as_text=True)
    assert "Mitglied 20" in page


@pytest.mark.parametrize("cohort", [HUGE, "²", "١٢", "-1", "1.5"])
def test_odd_cohort_filter_is_ignored_and_directory_shows_everyone(client, auth, make_user,
                                                                   cohort):
    make_user(display_name="Gesa Gerdes", listed_in_directory=True)
    auth.login()
    response = client.get("/mitglieder/", query_string={"cohort": cohort})
    assert response.status_code == 200
    assert "Gesa Gerdes" in response.get_data(as_text=True)


@pytest.mark.parametrize("query", ["endpoint=x", "_method=DELETE", "_external=1",
                                   "_anchor=oben", "_scheme=javascript"])
def test_pager_links_ignore_arguments_that_url_for_would_misread(client, auth, many_members,
                                                                 query):
    auth.login()
    response = client.get(f"/mitglieder/?q=Mitglied&{query}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'href="/mitglieder/?q=Mitglied&amp;page=2" rel="next"' in page


def test_pager_link_keeps_the_search(client, auth, many_members):
    auth.login()
    page = client.get("/mitglieder/?page=2&q=Mitglied").get_data(as_text=True)
    assert 'href="/mitglieder/?q=Mitglied&amp;page=1" rel="prev"' in page


def test_page_link_does_not_repeat_a_path_argument_given_as_query(app):
    with app.test_request_context("/wiki/ohne-seite/versionen?slug=andere&page=1&x=1&x=2"):
        assert page_url("wiki.page_history", 2) == "/wiki/ohne-seite/versionen?x=1&x=2&page=2"


@pytest.mark.parametrize(("value", "number"), [
    ("42", 42), (str(MAX_DB_INT), MAX_DB_INT), (str(MAX_DB_INT + 1), None), ("²", None),
    ("١٢", None), ("", None), (None, None), ("-3", None), (" 4", None)])
def test_parse_db_int_accepts_only_plain_digits_a_column_can_hold(value, number):
    assert parse_db_int(value) == number
