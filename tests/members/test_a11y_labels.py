"""Labels in the directory read well in both languages; the empty inbox promises nothing specific."""


def test_network_type_is_not_wrapped_in_a_second_pair_of_parentheses(client, auth, make_user):
    make_user(display_name="Bea Bildung", listed_in_directory=True, network_name="Lernen vor Ort",
              network_type="bildungskommune")
    auth.login()
    client.post("/konto/sprache", data={"locale": "en"})
    page = client.get("/mitglieder/").get_data(as_text=True)
    assert "Lernen vor Ort · " in page
    assert "Education municipality (Bildungskommune)" in page
    assert "((" not in page and "))" not in page


def test_empty_inbox_describes_news_generically(client, auth):
    auth.login()
    page = client.get("/benachrichtigungen/").get_data(as_text=True)
    assert "Noch keine Benachrichtigungen." in page and "ein Treffen ansteht" not in page
