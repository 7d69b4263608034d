"""Who sees what: unlisted members, e-mail addresses, deactivated accounts, anonymous visitors."""
import pytest


@pytest.mark.parametrize("path", ["/mitglieder/", "/mitglieder/karte", "/mitglieder/profil",
                                  "/mitglieder/1", "/mitglieder/themen",
                                  "/mitglieder/kursdurchgaenge"])
def test_anonymous_visitor_is_sent_to_login(client, make_member, path):
    make_member(display_name="Geheime Gerda", bundesland="NI")
    response = client.get(path)
    assert response.status_code == 302
    assert "/konto/anmelden" in response.headers["Location"]
    assert "Geheime Gerda" not in response.get_data(as_text=True)


def test_unlisted_member_is_neither_in_directory_nor_counted_on_map(client, auth, make_member):
    make_member(display_name="Sichtbare Sina", bundesland="HE")
    make_member(display_name="Stille Stefanie", bundesland="HE", listed_in_directory=False)
    auth.login()
    directory = client.get("/mitglieder/").get_data(as_text=True)
    assert "Sichtbare Sina" in directory and "Stille Stefanie" not in directory
    assert "1 Mitglied gefunden" in directory
    assert "0 Mitglieder gefunden" in client.get("/mitglieder/?q=Stille").get_data(as_text=True)
    map_page = client.get("/mitglieder/karte").get_data(as_text=True)
    assert '<a href="/mitglieder/?bundesland=HE">Hessen</a></th>\n          <td>1</td>' in map_page


def test_unlisted_profile_can_still_be_opened_by_members(client, auth, make_member):
    hidden = make_member(display_name="Stille Stefanie", organisation="Kreis Lippe",
                         listed_in_directory=False)
    auth.login()
    page = client.get(f"/mitglieder/{hidden.id}").get_data(as_text=True)
    assert "Stille Stefanie" in page and "Kreis Lippe" in page


def test_deactivated_member_is_hidden_from_directory_map_and_profile(client, auth,
                                                                       make_member):
    gone = make_member(display_name="Ehemalige Erika", bundesland="BY", active=False)
    auth.login()
    assert "Ehemalige Erika" not in client.get("/mitglieder/").get_data(as_text=True)
    assert client.get(f"/mitglieder/{gone.id}").status_code == 404
    assert "Bayern</a></th>\n          <td>0</td>" in client.get("/mitglieder/karte").get_data(
        as_text=True)


def test_admin_can_still_open_deactivated_profile(client, auth, make_member):
    gone = make_member(display_name="Ehemalige Erika", active=False)
    auth.login(role="admin")
    page = client.get(f"/mitglieder/{gone.id}").get_data(as_text=True)
    assert "Ehemalige Erika" in page and "Dieses Konto ist deaktiviert." in page


def test_email_is_shown_only_when_member_allows_it(client, auth, make_member):
    open_member = make_member(email="offen@example.org", organisation="A", show_email=True)
    private = make_member(email="privat@example.org", organisation="B", show_email=False)
    auth.login()
    assert "offen@example.org" in client.get(f"/mitglieder/{open_member.id}").get_data(
        as_text=True)
    assert "privat@example.org" not in client.get(f"/mitglieder/{private.id}").get_data(
        as_text=True)
    assert "privat@example.org" not in client.get("/mitglieder/").get_data(as_text=True)


def test_unknown_member_is_404(client, auth):
    auth.login()
    assert client.get("/mitglieder/4242").status_code == 404


def test_profile_page_shows_fields_and_only_bio_html_unescaped(client, auth, make_member,
                                                               make_topic, make_cohort):
    topic = make_topic("Experimentierkisten")
    cohort = make_cohort("Frühjahrskurs 2022")
    member = make_member(display_name="Jana <b>Kröger</b>", organisation="zdi-Zentrum",
                         network_name="zdi-Netzwerk Lippe", network_type="zdi",
                         bundesland="NW", city="Detmold", cohort_id=cohort.id,
                         free_tags="Robotik", can_help_with="MINT-Mobil",
                         seeks_help_with="Fördermittel", bio_md="x",
                         bio_html="<p><em>Hallo</em></p>", topics=[topic])
    auth.login()
    page = client.get(f"/mitglieder/{member.id}").get_data(as_text=True)
    for text in ("zdi-Netzwerk", "Nordrhein-Westfalen", "Detmold", "Frühjahrskurs 2022",
                 "Experimentierkisten", "#Robotik", "MINT-Mobil", "Fördermittel",
                 "<p><em>Hallo</em></p>", "Jana &lt;b&gt;Kröger&lt;/b&gt;"):
        assert text in page
    assert 'href="/mitglieder/"' in page


def test_empty_profile_shows_german_empty_state(client, auth, make_user):
    other = make_user(display_name="Neu Nele")
    me = auth.login()
    assert "Neu Nele hat das Profil noch nicht ausgefüllt." in client.get(
        f"/mitglieder/{other.id}").get_data(as_text=True)
    own = client.get(f"/mitglieder/{me.id}").get_data(as_text=True)
    assert "Jetzt dein Profil ausfüllen" in own
