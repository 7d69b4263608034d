"""The map of the Länder: real outlines, counts per Land, links into the directory, one query."""
import re

from alumni_hub.members.germany_map import map_states, outlines, shade_class


def test_shade_class_splits_counts_into_thirds_of_the_highest():
    assert [shade_class(n, 9) for n in (0, 1, 3, 4, 6, 7, 9)] == [
        "count-0", "count-low", "count-low", "count-mid", "count-mid", "count-high",
        "count-high"]
    assert shade_class(0, 0) == "count-0"


def test_outlines_are_real_shapes_with_sh_in_the_north_and_bw_by_in_the_south():
    data = outlines()
    assert len(data["states"]) == 16
    # Real borders, not boxes: every Land is drawn with many points.
    assert all(path.count("L") >= 15 for path in data["states"].values())
    ys = {code: y for code, (x, y) in data["labels"].items()}
    assert ys["SH"] == min(ys.values())
    assert set(sorted(ys, key=ys.get)[-2:]) == {"BW", "BY"}
    states = map_states({"NI": 2})
    assert {s["code"]: s["count"] for s in states}["NI"] == 2
    assert [s["code"] for s in states][-3:] == ["BE", "HB", "HH"]  # drawn on top


def test_map_shows_every_land_with_listed_member_counts_and_directory_links(
        client, auth, make_member):
    for _ in range(3):
        make_member(bundesland="NI")
    make_member(bundesland="BY")
    make_member(bundesland="BY", listed_in_directory=False)
    make_member(bundesland=None)
    auth.login()
    page = client.get("/mitglieder/karte").get_data(as_text=True)
    svg = page[page.index("<svg"):page.index("</svg>")]
    lands = re.findall(r'<a href="/mitglieder/\?bundesland=(\w\w)" class="land ([\w-]+)"'
                       r'.*?aria-label="([^"]+)">\s*<path d="M', svg, re.S)
    assert len(lands) == 16
    by_code = {code: (shade, label) for code, shade, label in lands}
    assert by_code["NI"] == ("count-high", "Niedersachsen: 3 Mitglieder")
    assert by_code["BY"] == ("count-low", "Bayern: 1 Mitglied")
    assert by_code["SH"] == ("count-0", "Schleswig-Holstein: 0 Mitglieder")
    # Links inside role="img" would be hidden from screen readers (axe: nested-interactive).
    assert 'role="img"' not in svg and 'aria-hidden="true"' in svg
    assert "Natural Earth" in page
    assert "4 Mitglieder zeigen sich im Verzeichnis" in page


def test_map_has_accessible_table_and_no_inline_styles(client, auth, make_member):
    make_member(bundesland="SL")
    auth.login()
    page = client.get("/mitglieder/karte").get_data(as_text=True)
    assert "<caption>Mitglieder je Bundesland</caption>" in page
    assert '<a href="/mitglieder/?bundesland=SL">Saarland</a></th>\n          <td>1</td>' in page
    assert "style=" not in page and "<style" not in page
    assert "css/members.css" in page


def test_map_counts_with_one_grouped_query(client, auth, make_member, count_queries):
    for land in ("NI", "NW", "NW", "HE"):
        make_member(bundesland=land)
    auth.login()
    with count_queries() as queries:
        client.get("/mitglieder/karte")
    counting = [q for q in queries if "count(" in q.lower() and "profiles" in q]
    assert len(counting) == 1 and "GROUP BY" in counting[0]
    assert len(queries) <= 4  # session user, login session, counts, unread badge


def test_map_tile_link_leads_to_filtered_directory(client, auth, make_member):
    make_member(display_name="Nora Nord", bundesland="SH")
    make_member(display_name="Sepp Süd", bundesland="BY")
    auth.login()
    page = client.get("/mitglieder/?bundesland=SH").get_data(as_text=True)
    assert "Nora Nord" in page and "Sepp Süd" not in page
