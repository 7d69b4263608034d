"""The member directory: text search, filters, pagination and a bounded number of queries."""
import pytest


@pytest.fixture
def people(make_member, make_topic, make_cohort):
    """Three listed members who differ in every searchable and filterable way."""
    robots = make_topic("Experimentierkisten")
    girls = make_topic("Mädchen für MINT")
    spring = make_cohort("Frühjahrskurs 2021")
    autumn = make_cohort("Herbstkurs 2024")
    make_member(display_name="Anna Albers", organisation="Wirtschaftsförderung Emsland",
                network_name="MINT-Region Emsland", network_type="mint_region",
                bundesland="NI", cohort_id=spring.id, free_tags="Calliope, Robotik",
                topics=[robots])
    make_member(display_name="Bernd Brandt", organisation="zdi-Zentrum Kreis Lippe",
                network_name="zdi-Netzwerk Lippe", network_type="zdi", bundesland="NW",
                cohort_id=autumn.id, free_tags="Girls' Day", topics=[girls])
    make_member(display_name="Carla Conrad", organisation="Stadt Jena",
                network_name="MINT-Netzwerk Jena 100%", network_type="bildungskommune",
                bundesland="TH", cohort_id=spring.id, topics=[robots, girls])
    return {"spring": spring, "autumn": autumn}


def names(client, query=""):
    page = client.get("/mitglieder/" + query).get_data(as_text=True)
    return [n for n in ("Anna Albers", "Bernd Brandt", "Carla Conrad") if n in page]


@pytest.mark.parametrize("query, expected", [
    ("?q=bernd", ["Bernd Brandt"]),                         # display name, any case
    ("?q=EMSLAND", ["Anna Albers"]),                       # organisation and network
    ("?q=zdi-netzwerk", ["Bernd Brandt"]),                 # network name
    ("?q=kisten", ["Anna Albers", "Carla Conrad"]),        # topic name
    ("?q=robotik", ["Anna Albers"]),                       # free tag
    ("?q=100%25", ["Carla Conrad"]),                       # % is matched literally
    ("?q=_", []),                                          # _ is no wildcard
    ("?q=niemand", []),
])
def test_text_search_covers_names_organisations_networks_topics_and_tags(client, auth, people,
                                                                          query, expected):
    auth.login()
    assert names(client, query) == expected


def test_each_filter_narrows_the_list(client, auth, people):
    auth.login()
    assert names(client, "?bundesland=NW") == ["Bernd Brandt"]
    assert names(client, "?network_type=bildungskommune") == ["Carla Conrad"]
    assert names(client, f"?cohort={people['spring'].id}") == ["Anna Albers", "Carla Conrad"]
    assert names(client, "?topic=maedchen-fuer-mint") == ["Bernd Brandt", "Carla Conrad"]


def test_filters_combine_and_form_keeps_its_values(client, auth, people):
    auth.login()
    query = f"?q=stadt&topic=maedchen-fuer-mint&cohort={people['spring'].id}&bundesland=TH"
    page = client.get("/mitglieder/" + query).get_data(as_text=True)
    assert names(client, query) == ["Carla Conrad"]
    assert "1 Mitglied gefunden" in page
    assert 'value="stadt"' in page
    assert '<option selected value="TH">' in page
    assert '<option selected value="maedchen-fuer-mint">' in page
    assert f'<option selected value="{people["spring"].id}">' in page
    assert "Filter zurücksetzen" in page


def test_unknown_filter_values_are_ignored_not_errors(client, auth, people):
    auth.login()
    response = client.get("/mitglieder/?bundesland=XX&cohort=abc&network_type=zzz&page=-3")
    assert response.status_code == 200
    assert "3 Mitglieder gefunden" in response.get_data(as_text=True)


def test_empty_result_shows_german_hint(client, auth, people):
    auth.login()
    page = client.get("/mitglieder/?q=nirgendwo").get_data(as_text=True)
    assert "0 Mitglieder gefunden" in page and "Niemand passt zu dieser Suche." in page


def test_directory_paginates_and_keeps_filters_in_page_links(app, client, auth, make_member):
    app.config["PER_PAGE"] = 2
    try:
        for i in range(5):
            make_member(display_name=f"Person {i}", bundesland="BY")
        auth.login()
        first = client.get("/mitglieder/?bundesland=BY").get_data(as_text=True)
        assert "5 Mitglieder gefunden" in first and "Seite 1 von 3" in first
        assert "Person 0" in first and "Person 2" not in first
        assert "bundesland=BY" in first.split('rel="next"')[0].rsplit("href=", 1)[1]
        last = client.get("/mitglieder/?bundesland=BY&page=3").get_data(as_text=True)
        assert "Person 4" in last and "Person 0" not in last
    finally:
        app.config["PER_PAGE"] = 20


@pytest.mark.parametrize("count", [5, 60])
def test_directory_needs_a_bounded_number_of_queries(client, auth, make_member, make_topic,
                                                    make_cohort, count_queries, count):
    topics = [make_topic("Fördermittel"), make_topic("Praktikumswoche")]
    cohort = make_cohort("Herbstkurs 2022")
    for i in range(count):
        make_member(display_name=f"Mitglied {i:02d}", cohort_id=cohort.id, topics=topics,
                    bundesland="SN")
    auth.login()
    with count_queries() as queries:
        page = client.get("/mitglieder/?q=mitglied").get_data(as_text=True)
    assert f"{count} Mitglieder gefunden" in page and "Herbstkurs 2022" in page
    assert "Praktikumswoche" in page
    assert len(queries) <= 8, queries
